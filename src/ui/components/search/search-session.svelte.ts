import type { CriteriaForm } from '../../../core/search/criteria-form.ts';

/**
 * What the Search view remembers while the user switches tabs: the criteria as typed, per table
 * (undefined while they still follow the spec's model), and the sensitive attribute chosen.
 */
class SearchSession {
  forms = $state.raw<Record<string, CriteriaForm>>({});
  sensitive = $state.raw<Record<string, string | null>>({});

  setForm(table: string, form: CriteriaForm): void {
    this.forms = { ...this.forms, [table]: form };
  }

  resetForm(table: string): void {
    const { [table]: _, ...rest } = this.forms;
    this.forms = rest;
  }

  setSensitive(table: string, column: string | null): void {
    this.sensitive = { ...this.sensitive, [table]: column };
  }
}

export const searchSession = new SearchSession();
