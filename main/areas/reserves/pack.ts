import { RESERVES_AREA_ID } from '../../../shared/areas/reserves/ids';
import { reservesPackSection } from '../../../shared/areas/reserves/pack-layout';
import { writeTableSection } from '../../pack/table-section';
import type { PackSectionModule } from '../../pack/sections/types';
import { reservesGrants } from './grants';
import { reservesSchedules } from './ledger';
import { reservesVirements } from './virements';

/** Appendix 5 in the committee pack: 5.1 grants, 5.2 virements, 5.3 the earmarked reserve schedules. */
export const reservesPack: PackSectionModule = {
  id: RESERVES_AREA_ID,
  build: async (ctx) =>
    writeTableSection(ctx, reservesPackSection(RESERVES_AREA_ID, { grants: reservesGrants(ctx.ws, ctx.period), virements: reservesVirements(ctx.ws, ctx.period), schedules: reservesSchedules(ctx.ws, ctx.period) })),
};
