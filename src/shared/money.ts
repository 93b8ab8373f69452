import { MAX_AMOUNT } from './input-limits.js';

/** Amounts are yuan with at most two decimals (fen); compare and add them in whole fen. */
export const toFen = (yuan: number) => Math.round(yuan * 100);

export const isMoney = (yuan: number, { allowZero = false } = {}) =>
  Number.isFinite(yuan) && (allowZero ? yuan >= 0 : yuan > 0) && Math.abs(yuan * 100 - toFen(yuan)) < 1e-6 && yuan <= MAX_AMOUNT;

export const formatYuan = (yuan: number) => `¥${yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
