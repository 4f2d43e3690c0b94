import { CAPITAL_AREA_ID } from '../../../shared/areas/capital/ids';
import { capitalPackSection } from '../../../shared/areas/capital/pack-layout';
import { writeTableSection } from '../../pack/table-section';
import type { PackSectionModule } from '../../pack/sections/types';
import { capitalTable } from './service';

/** Appendix 3 in the committee pack, from the month's capital programme. */
export const capitalPack: PackSectionModule = {
  id: CAPITAL_AREA_ID,
  build: async (ctx) => writeTableSection(ctx, capitalPackSection(CAPITAL_AREA_ID, capitalTable(ctx.ws, ctx.period))),
};
