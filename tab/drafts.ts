/**
 * Unsaved text kept in the browser (localStorage) per person and statement, so a reload, a lost
 * connection or a refused save never costs what someone typed. Cleared once the server saved it.
 */
export interface Draft {
  rating: string;
  evidence: string;
  ideas: string;
}

export function draftStore(personKey: string) {
  const key = (statementId: string) => `self-assessment:draft:${personKey}:${statementId}`;
  return {
    read(statementId: string): Draft | undefined {
      try {
        const text = window.localStorage.getItem(key(statementId));
        return text ? (JSON.parse(text) as Draft) : undefined;
      } catch {
        return undefined;
      }
    },
    write(statementId: string, draft: Draft): void {
      try {
        window.localStorage.setItem(key(statementId), JSON.stringify(draft));
      } catch {
        // Storage full or blocked (private mode): the text stays on screen, only the reload safety net is lost.
      }
    },
    clear(statementId: string): void {
      try {
        window.localStorage.removeItem(key(statementId));
      } catch {
        // As above.
      }
    },
  };
}

export type DraftStore = ReturnType<typeof draftStore>;
