/** What a reported figure or a claim is about (GET /api/figures?subjectType=…). */
export type SubjectType = 'package' | 'contribution';
