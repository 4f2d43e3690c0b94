import { defineSharedArea } from '../../area';
import { kadApi } from './api';
import { KAD_CHECK_RULES } from './checks';
import { KAD_AREA_ID, KAD_AREA_NAME } from './ids';
import { KAD_SECTION_NUMBER } from './pack-layout';

export const kadShared = defineSharedArea({
  id: KAD_AREA_ID,
  name: KAD_AREA_NAME,
  api: kadApi,
  // Section 5 of the FMR, after the revenue and capital summaries and before the appendices.
  packSections: [{ id: KAD_AREA_ID, title: KAD_AREA_NAME, label: `Section ${KAD_SECTION_NUMBER} ${KAD_AREA_NAME}`, order: Number(KAD_SECTION_NUMBER) * 10 }],
  checkRules: KAD_CHECK_RULES,
});
