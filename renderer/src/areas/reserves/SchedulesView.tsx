import { useMemo, useState } from 'react';
import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';
import type { NoMovementDisplay } from '../../../../shared/areas/reserves/schedule';
import { messageOf, send, trackWrite } from '../../api/client';
import { SheetGrid } from '../../grid/SheetGrid';
import type { SheetActions } from '../../grid/useSheetEditing';
import type { AreaPageProps } from '../types';
import { AddReserveForm } from './AddReserveForm';
import { EntryForm } from './EntryForm';
import { LedgerPanel } from './LedgerPanel';
import { scheduleBands, scheduleBody, scheduleColumns, scheduleFoot } from './schedule-grid';

type Schedule = ReservesSchedules['schedules'][number];

interface Props extends Pick<AreaPageProps, 'styleNonce' | 'onSaved' | 'onRefused' | 'reloadKey'> {
  data: ReservesSchedules;
  lock: string | null;
  reserveId: string;
  onReserve: (id: string) => void;
  onChange: (next: ReservesSchedules, message: string) => void;
}

function ScheduleTable({ schedule, data, lock, styleNonce, actions, onDisplay }: { schedule: Schedule; data: ReservesSchedules; lock: string | null; styleNonce: string | undefined; actions: SheetActions; onDisplay: (d: NoMovementDisplay) => void }) {
  const columns = useMemo(() => scheduleColumns(data), [data]);
  const body = useMemo(() => scheduleBody(schedule), [schedule]);
  const foot = useMemo(() => scheduleFoot(schedule), [schedule]);
  const id = `schedule-${schedule.directorate.id}`;
  return (
    <section className="reserves-table" aria-labelledby={`${id}-title`} data-testid="reserve-schedule" data-directorate={schedule.directorate.id}>
      <div className="reserves-table__head">
        <h2 id={`${id}-title`}>{schedule.title}</h2>
        <div className="field">
          <label htmlFor={`${id}-display`}>A reserve with no movement shows</label>
          <select id={`${id}-display`} className="input" value={schedule.display} disabled={!!lock} onChange={(e) => onDisplay(e.target.value as NoMovementDisplay)} data-testid="schedule-display">
            <option value="zero">0</option>
            <option value="blank">blank</option>
          </select>
        </div>
      </div>
      <section className="grid-region" aria-label={schedule.title}>
        <SheetGrid columns={columns} bands={scheduleBands(schedule)} body={body} foot={foot} lockedReason={lock} invalid={null} styleNonce={styleNonce} actions={actions} />
      </section>
      <div className="legend reserves-legend" data-testid="schedule-legend">
        {data.legend.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </section>
  );
}

/** 5.3: each directorate's schedule worked out from the ledger, then recording movements and reading a reserve's ledger. */
export function SchedulesView({ data, lock, reserveId, onReserve, onChange, styleNonce, onRefused, reloadKey }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const actions = useMemo<SheetActions>(() => ({ onCells: () => undefined, onRefused, onAnnounce: setAnnouncement }), [onRefused]);
  const setDisplay = async (directorateId: string, display: NoMovementDisplay) => {
    try {
      const next = await trackWrite(send('reserves.setDisplay', { period: data.period, directorateId, display }));
      onChange(next, `A reserve with no movement now shows ${display === 'zero' ? '0' : 'blank'}.`);
    } catch (err) {
      onRefused(messageOf(err), { rowKey: 'total', colId: 'movements' });
    }
  };
  return (
    <>
      {data.schedules.map((s) => (
        <ScheduleTable key={s.directorate.id} schedule={s} data={data} lock={lock} styleNonce={styleNonce} actions={actions} onDisplay={(d) => void setDisplay(s.directorate.id, d)} />
      ))}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="reserves-panels">
        <EntryForm data={data} reserveId={reserveId} lock={lock} onRecorded={onChange} />
        <LedgerPanel data={data} reserveId={reserveId} onChoose={onReserve} reloadKey={reloadKey} />
        <AddReserveForm data={data} lock={lock} onAdded={onChange} />
      </div>
    </>
  );
}
