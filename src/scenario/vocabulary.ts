/** Scenario vocabularies the UI needs without the schema's validators (kept in one place: schema.ts re-exports them). */
export const DIFFICULTIES = ['intro', 'intermediate', 'advanced'] as const;
export const SKILLS = ['severity', 'escalation', 'communication', 'rca'] as const;
