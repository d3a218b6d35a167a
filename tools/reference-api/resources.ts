/**
 * Plausible bodies for requests that passed every rule: contacts from the world, a sample record
 * for any other resource. Only contacts are real data; the rest just has the right shape to show
 * that the call went through.
 */
import { tenantById } from './world.js';
import type { Contact, World } from './world.js';

export interface ResourceQuery {
  method: string;
  /** Percent-decoded path segments: `[resource, tenantId, …]` or `['contacts', 'current']`. */
  segments: readonly string[];
  tenantId: string;
  contactId: string | null;
  /** A "current contact" route (`…/current` on Rolodex or Membership). */
  currentRoute: boolean;
  world: World;
}

export interface ResourceAnswer {
  status: 200 | 404;
  value: unknown;
}

const NOT_FOUND: ResourceAnswer = { status: 404, value: { message: 'Not Found' } };

function contactRecord(contact: Contact, tenantId: string) {
  const { id, ...names } = contact;
  return { id, tenant_id: tenantId, ...names };
}

export function answerResource(query: ResourceQuery): ResourceAnswer {
  const { segments, tenantId, contactId } = query;
  const [resource = '', , id] = segments;
  const contacts = tenantById(query.world, tenantId)?.contacts ?? [];
  const findContact = (wanted: string | null) => contacts.find((c) => c.id === wanted);

  if (query.currentRoute) {
    const contact = findContact(contactId);
    // A contact_id the tenant doesn't know: the token is fine, the contact isn't there.
    if (!contact) return NOT_FOUND;
    if (resource === 'contacts') return { status: 200, value: contactRecord(contact, tenantId) };
    return { status: 200, value: [sample(resource, tenantId, { contact_id: contact.id })] };
  }

  if (query.method !== 'GET' && query.method !== 'HEAD') {
    return { status: 200, value: sample(resource, tenantId, id === undefined ? {} : { id }) };
  }

  if (resource === 'contacts' && segments.length <= 3) {
    if (id === undefined)
      return { status: 200, value: contacts.map((c) => contactRecord(c, tenantId)) };
    const contact = findContact(id);
    return contact ? { status: 200, value: contactRecord(contact, tenantId) } : NOT_FOUND;
  }
  if (segments.length === 2) return { status: 200, value: [sample(resource, tenantId)] };
  if (segments.length === 3) return { status: 200, value: sample(resource, tenantId, { id }) };
  return { status: 200, value: [] };
}

function sample(resource: string, tenantId: string, extra: Record<string, unknown> = {}) {
  const prefix =
    resource
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase() || 'REC';
  return { id: `${prefix}-0001`, tenant_id: tenantId, ...extra };
}
