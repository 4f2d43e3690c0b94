import { defineSharedArea } from '../../area';
import { savingsApi } from './api';
import { SAVINGS_CHECK_RULES } from './checks';
import { SAVINGS_AREA_ID, SAVINGS_AREA_NAME } from './ids';

export const savingsShared = defineSharedArea({
  id: SAVINGS_AREA_ID,
  name: SAVINGS_AREA_NAME,
  api: savingsApi,
  packSections: [],
  checkRules: SAVINGS_CHECK_RULES,
});
