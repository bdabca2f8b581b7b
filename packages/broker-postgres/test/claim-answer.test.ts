import { lessonOfClaim, type ClaimAnswer, type ClaimLesson } from '../src/claim-answer';

const cases: [string, ClaimAnswer, ClaimLesson][] = [
  ['a full claim leaves a backlog: not empty', { asked: 80, got: 80, wokenMeanwhile: false }, { backlogSeen: true, queueLooksEmpty: false, short: false }],
  ['a full claim, woken meanwhile: the same', { asked: 8, got: 8, wokenMeanwhile: true }, { backlogSeen: true, queueLooksEmpty: false, short: false }],
  ['a short claim with no wake-up meanwhile took everything: empty', { asked: 80, got: 8, wokenMeanwhile: false }, { backlogSeen: false, queueLooksEmpty: true, short: true }],
  ['an empty claim with no wake-up meanwhile: empty', { asked: 80, got: 0, wokenMeanwhile: false }, { backlogSeen: false, queueLooksEmpty: true, short: true }],
  [
    'a short claim with a wake-up meanwhile may have missed what woke it: left as the wake-up set it',
    { asked: 80, got: 3, wokenMeanwhile: true },
    { backlogSeen: false, queueLooksEmpty: null, short: true },
  ],
];

describe('lessonOfClaim', () => {
  it.each(cases)('%s', (_name, answer, lesson) => {
    expect(lessonOfClaim(answer)).toEqual(lesson);
  });
});
