import { serveRecords } from '../../../import/read/records-thread';
import type { ExtractColumn } from './columns';
import { ExtractPacker } from './packer';

/** The thread packing a large extract's later records (see packer.ts). */
serveRecords((config) => new ExtractPacker((config as { at: Record<ExtractColumn, number> }).at));
