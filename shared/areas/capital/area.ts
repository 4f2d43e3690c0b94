import { defineSharedArea } from '../../area';
import { capitalApi } from './api';
import { CAPITAL_CHECK_RULES } from './checks';
import { CAPITAL_AREA_ID, CAPITAL_AREA_NAME } from './ids';

/** Appendix 3 of the committee pack, after the revenue appendices (1, 2) and before the savings tracker (4). */
export const CAPITAL_SECTION = { id: CAPITAL_AREA_ID, title: 'Appendix 3 – Capital Position', label: 'Appendix 3 Capital Position (4.1 expenditure, 4.2 funding)', order: 62 } as const;

export const capitalShared = defineSharedArea({
  id: CAPITAL_AREA_ID,
  name: CAPITAL_AREA_NAME,
  api: capitalApi,
  packSections: [CAPITAL_SECTION],
  checkRules: CAPITAL_CHECK_RULES,
});
