/**
 * 청약철회 (전자상거래법 제17조): a purchase whose points are all unused is refunded in
 * full on request within this many days of payment. The terms and the refund policy
 * state this number (tests/unit/legal-documents.test.ts holds them to it), and the
 * refund rules apply it: changing it means a new version of both texts.
 */
export const WITHDRAWAL_DAYS = 7;
