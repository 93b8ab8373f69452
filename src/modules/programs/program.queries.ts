import type { Context } from '../../shared/context.js';
import { requireViewer } from '../../shared/auth.js';
import { ascending, descending, findPage, listOrder, type PageArgs } from '../../shared/connection.js';
import { findVisible } from '../../shared/node.js';
import { Program } from './program.entity.js';

/** Every signed-in person may read programmes: they are public calls. */
export function getProgram(ctx: Context, globalId: string): Promise<Program> {
  return findVisible(ctx, Program, globalId, () => true);
}

/** Names are unique, so year and name place every programme. */
const PROGRAMS_BY_YEAR = listOrder('programs:YEAR', descending('year', 'integer'), ascending('name', 'text', { unique: true }));

export function listPrograms(ctx: Context, args: PageArgs, year?: number | null) {
  requireViewer(ctx.viewer);
  return findPage(ctx.em, Program, year ? { year } : {}, PROGRAMS_BY_YEAR, args);
}
