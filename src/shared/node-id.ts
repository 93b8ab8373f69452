/**
 * Opaque global IDs: base64url("Type:uuid"). Clients pass them back verbatim; the type prefix lets
 * `node(id:)` dispatch and stops an ID of one type being used where another is expected.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (value: string) => UUID.test(value);

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!UUID.test(id) || toGlobalId(type, id) !== globalId) return null;
  return { type, id };
}

/** The database ID behind a global ID of the expected type, or null when it is not one. */
export function decodeId(globalId: string, type: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}
