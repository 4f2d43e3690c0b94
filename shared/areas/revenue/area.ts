import { defineSharedArea } from '../../area';
import { revenueApi } from './api';
import { REVENUE_CHECK_RULES } from './checks';
import { REVENUE_AREA_ID, REVENUE_AREA_NAME } from './ids';
import { REVENUE_PACK_SECTIONS } from './pack-layout';

export const revenueShared = defineSharedArea({
  id: REVENUE_AREA_ID,
  name: REVENUE_AREA_NAME,
  api: revenueApi,
  packSections: REVENUE_PACK_SECTIONS,
  checkRules: REVENUE_CHECK_RULES,
});
