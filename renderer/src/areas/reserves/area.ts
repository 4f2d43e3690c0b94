import { RESERVES_AREA_ID } from '../../../../shared/areas/reserves/ids';
import { defineRendererArea } from '../types';
import { RESERVES_CHECK_THRESHOLDS, ReservesHelp } from './help/ReservesHelp';
import { printReservesSection } from './print';
import { ReservesPage } from './ReservesPage';
import './reserves.css';

/** Appendix 5 on the renderer side: its page (the table and the reserve whose ledger is open kept in the address), its help. */
export const reservesRenderer = defineRendererArea({
  id: RESERVES_AREA_ID,
  page: { component: ReservesPage, params: ['table', 'reserve'] },
  print: { [RESERVES_AREA_ID]: printReservesSection },
  help: ReservesHelp,
  checkThresholds: RESERVES_CHECK_THRESHOLDS,
  rollForwardNote: 'Grants, virements and the schedules’ settings are carried; the reserves ledger runs on, so balances need no copying.',
});
