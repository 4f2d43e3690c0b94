import { defineSharedArea } from '../../area';
import { reservesApi } from './api';
import { RESERVES_CHECK_RULES } from './checks';
import { RESERVES_AREA_ID, RESERVES_AREA_NAME } from './ids';

/** Appendix 5 of the committee pack, after the capital (3) and savings (4) appendices. */
export const RESERVES_SECTION = { id: RESERVES_AREA_ID, title: 'Appendix 5 – Technical Note', label: 'Appendix 5 Technical Note (5.1 grants, 5.2 virements, 5.3 earmarked reserves)', order: 64 } as const;

export const reservesShared = defineSharedArea({
  id: RESERVES_AREA_ID,
  name: RESERVES_AREA_NAME,
  api: reservesApi,
  packSections: [RESERVES_SECTION],
  checkRules: RESERVES_CHECK_RULES,
});
