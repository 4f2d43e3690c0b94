import { UserError } from '../../../shared/api/errors';
import { CARE_CONTRIBUTIONS_KEY, serviceIdFromName } from '../../../shared/areas/kad/model';
import { monthLabel } from '../../../shared/periods';
import { kadTarget } from '../../../shared/areas/kad/ids';
import type { Channel, Workspace } from '../../store/workspace';
import { getLines, insertEmptyLine, insertService, listServices, listServiceTypes, periodsWithKad, setLineColumn, typeLinesFrom } from './repository';
import { requireService } from './service';

import type { KadConfig } from '../../../shared/areas/kad/config';

/** Services and the service types they use are data a finance officer maintains, not code. */
export function kadConfig(ws: Workspace, period: string): KadConfig {
  return {
    period,
    types: listServiceTypes(ws),
    services: listServices(ws).map((s) => {
      const lines = getLines(ws, period, s.id);
      return { ...s, typesInUse: lines.filter((l) => l.kind === 'line' && l.inUse).map((l) => l.key), hasData: lines.length > 0 };
    }),
  };
}


export function addService(ws: Workspace, args: { name: string; caption?: string; fromPeriod: string; typeIds: string[] }, channel: Channel = 'grid'): KadConfig {
  const name = args.name.trim();
  const id = serviceIdFromName(name);
  if (!id) throw new UserError('invalid_input', 'Give the service a name with at least one letter or digit.');
  if (listServices(ws).some((s) => s.id === id || s.name.toLowerCase() === name.toLowerCase())) throw new UserError('invalid_input', `There is already a service called "${name}".`);
  const types = listServiceTypes(ws);
  const unknown = args.typeIds.filter((t) => !types.some((x) => x.id === t));
  if (unknown.length) throw new UserError('invalid_input', `Unknown service type${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
  const months = periodsWithKad(ws).filter((p) => p >= args.fromPeriod);
  if (!months.length) {
    const latest = periodsWithKad(ws).at(-1);
    throw new UserError('invalid_input', `${monthLabel(args.fromPeriod)} and later months hold no Key Activity Data yet${latest ? `; the latest month with data is ${monthLabel(latest)}` : ''}. Add the service from a month that has data.`);
  }
  const caption = args.caption?.trim() || `Key activity data at the end of ${monthLabel(months[0]!)} for ${name} is shown below:`;
  ws.write({ channel, label: `Add the service ${name} from ${monthLabel(months[0]!)}`, period: months[0]! }, () => {
    insertService(ws, { id, name, caption, fromPeriod: months[0]! });
    for (const period of months) {
      ws.assertPeriodOpen(period);
      for (const t of types) insertEmptyLine(ws, period, id, t.id, args.typeIds.includes(t.id));
      insertEmptyLine(ws, period, id, CARE_CONTRIBUTIONS_KEY, true);
    }
  });
  return kadConfig(ws, args.fromPeriod);
}

/** Retires a service type from a month on (greyed out, not editable) or brings it back; undoable. */
export function setTypeInUse(ws: Workspace, args: { serviceId: string; typeId: string; fromPeriod: string; inUse: boolean }, channel: Channel = 'grid'): KadConfig {
  const service = requireService(ws, args.serviceId);
  const type = listServiceTypes(ws).find((t) => t.id === args.typeId);
  if (!type) throw new UserError('invalid_input', `There is no service type "${args.typeId}".`);
  const lines = typeLinesFrom(ws, service.id, type.id, args.fromPeriod).filter((l) => l.inUse !== args.inUse);
  if (!lines.length) return kadConfig(ws, args.fromPeriod);
  if (!args.inUse) {
    const withFigures = lines.filter((l) => l.hasFigures).map((l) => monthLabel(l.period));
    if (withFigures.length) {
      throw new UserError('invalid_input', `${type.name} still holds figures for ${service.name} in ${withFigures.join(', ')}. Clear them first, so that nothing entered is hidden.`);
    }
  }
  const verb = args.inUse ? 'Bring back' : 'Retire';
  ws.write({ channel, label: `${verb} ${type.name} for ${service.name} from ${monthLabel(args.fromPeriod)}`, period: lines[0]!.period, target: kadTarget(lines[0]!.period, service.id), undoable: true }, () => {
    for (const l of lines) {
      ws.assertPeriodOpen(l.period);
      setLineColumn(ws, l.period, service.id, type.id, 'in_use', args.inUse ? 1 : 0);
    }
  });
  return kadConfig(ws, args.fromPeriod);
}
