import { defineSharedArea } from '../../area';
import { savingsApi } from './api';
import { SAVINGS_CHECK_RULES } from './checks';
import { SAVINGS_AREA_ID, SAVINGS_AREA_NAME } from './ids';
import { APPENDIX_NUMBER } from './tracker';

export const savingsShared = defineSharedArea({
  id: SAVINGS_AREA_ID,
  name: SAVINGS_AREA_NAME,
  api: savingsApi,
  // Appendix 4 of the FMR: after Appendix 3 (capital, ordered 62) and before Appendix 5 (reserves, 64).
  packSections: [{ id: SAVINGS_AREA_ID, title: SAVINGS_AREA_NAME, label: `Appendix ${APPENDIX_NUMBER} ${SAVINGS_AREA_NAME} (the quarter's trackers and the Key to RAG Ratings)`, order: 63 }],
  checkRules: SAVINGS_CHECK_RULES,
});
