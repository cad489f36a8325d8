/** A mutual client as `DueTouchOptions` holds it: only what the due date needs is read here. */
interface MutualClient {
  readonly referrerId: string;
  readonly clinicianId: string;
  readonly consentAllowsNote: boolean;
  readonly lastNoteSent?: string | undefined;
  readonly since: string;
}

/** A progress note due: to whom, from whom, when, and its id. */
export interface NoteDue {
  readonly referrerId: string;
  readonly clinicianId: string;
  readonly dueDate: string;
  readonly id: string;
}

/**
 * The progress notes due on mutual clients whose consent allows one (seed
 * 000), `next` after the last note or the start. No client or
 * episode detail enters the id, which becomes a calendar's UID: the notes
 * due to one referrer from one clinician on one day are one touch.
 */
export function progressNotes(clients: readonly MutualClient[], next: (date: string) => string): NoteDue[] {
  const notes = new Map<string, NoteDue>();
  for (const client of clients) {
    if (!client.consentAllowsNote) continue;
    const dueDate = next(client.lastNoteSent ?? client.since);
    const id = `${client.referrerId}:progress-note:${client.clinicianId}:${dueDate}`;
    if (!notes.has(id)) notes.set(id, { referrerId: client.referrerId, clinicianId: client.clinicianId, dueDate, id });
  }
  return [...notes.values()];
}
