/**
 * The numbers behind tests/fixtures/reports/*: one rule-consistent 2021-format data set and one
 * 2019-format data set, written in different layouts. Applicant columns in standard order:
 * natural_person, commercial, research, social_welfare, legal_service, other_org, total.
 */
export const ACTIVE_2021: Record<string, Record<string, number>> = {
  regulations: { issued: 1, repealed: 0, in_force: 3 },
  normative_docs: { issued: 12, repealed: 2, in_force: 45 },
  licensing: { decisions: 356 },
  penalty: { decisions: 78 },
  coercion: { decisions: 5 },
  admin_fees: { fee_amount: 12.5 },
}

const Z = [0, 0, 0, 0, 0, 0, 0]
export const APPS_2021: Record<string, number[]> = {
  received: [20, 3, 0, 1, 2, 0, 26],
  carried_in: [2, 0, 0, 0, 0, 0, 2],
  granted: [8, 1, 0, 1, 1, 0, 11],
  partial: [3, 0, 0, 0, 0, 0, 3],
  'withheld.state_secret': Z, 'withheld.prohibited': Z, 'withheld.security': Z,
  'withheld.third_party': [1, 0, 0, 0, 0, 0, 1],
  'withheld.internal': Z,
  'withheld.process': [1, 0, 0, 0, 0, 0, 1],
  'withheld.enforcement': Z, 'withheld.query': Z,
  'unavailable.not_held': [4, 1, 0, 0, 1, 0, 6],
  'unavailable.needs_creation': [1, 0, 0, 0, 0, 0, 1],
  'unavailable.unclear': Z,
  'rejected.petition': [1, 0, 0, 0, 0, 0, 1],
  'rejected.repeat': [1, 1, 0, 0, 0, 0, 2],
  'rejected.publication': Z, 'rejected.excessive': Z, 'rejected.confirmation': Z,
  'other.no_correction': [1, 0, 0, 0, 0, 0, 1],
  'other.no_fee': Z, 'other.other': Z,
  handled: [21, 3, 0, 1, 2, 0, 27],
  carried_out: [1, 0, 0, 0, 0, 0, 1],
}
export const REVIEWS_2021 = [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1]

export const ACTIVE_2019: Record<string, Record<string, number>> = {
  regulations: { made: 0, published: 0, total_published: 0 },
  normative_docs: { made: 3, published: 3, total_published: 27 },
  licensing: { prev_items: 15, change: -1, decisions: 420 },
  other_services: { prev_items: 8, change: 0, decisions: 36 },
  penalty: { prev_items: 12, change: 2, decisions: 95 },
  coercion: { prev_items: 4, change: 0, decisions: 7 },
  admin_fees: { prev_items: 2, change: 0 },
  procurement: { procurement_count: 6, procurement_amount: 138.6 },
}
export const APPS_2019: Record<string, number[]> = {
  received: [9, 1, 0, 0, 1, 0, 11],
  carried_in: Z,
  granted: [4, 1, 0, 0, 0, 0, 5],
  partial: [1, 0, 0, 0, 0, 0, 1],
  'withheld.state_secret': Z, 'withheld.prohibited': Z, 'withheld.security': Z, 'withheld.third_party': Z,
  'withheld.internal': Z, 'withheld.process': Z, 'withheld.enforcement': Z, 'withheld.query': Z,
  'unavailable.not_held': [2, 0, 0, 0, 1, 0, 3],
  'unavailable.needs_creation': Z, 'unavailable.unclear': Z,
  'rejected.petition': [1, 0, 0, 0, 0, 0, 1],
  'rejected.repeat': Z, 'rejected.publication': Z, 'rejected.excessive': Z, 'rejected.confirmation': Z,
  other: [1, 0, 0, 0, 0, 0, 1],
  handled: [9, 1, 0, 0, 1, 0, 11],
  carried_out: Z,
}
export const REVIEWS_2019 = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
