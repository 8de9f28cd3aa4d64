import * as assert from 'node:assert/strict';
import { extensionApi, LeadFromBehindApi, TestProbes } from '../../src/api';
import { analyzeFeedback } from '../../src/core/tone';

describe('the extension API', () => {
  const probes: TestProbes = {
    isSidebarResolved: () => true,
    isSidebarVisible: () => false,
    reviewPrompt: () => 'Ask, don\'t tell',
    sidebarProbe: undefined,
    reviewFiguresState: () => ({ keys: () => [], get: () => undefined, update: async () => undefined }),
    reviewFiguresFromState: () => ({ weeks: [] }),
    yourReviewsProbe: undefined,
    reflectionOffer: () => undefined,
    forgetReflectionOffer: async () => undefined,
    reflectionFolder: () => 'file:///tmp/reflections',
    reflectionNotes: async () => [],
    followThroughProbe: undefined,
  };
  // More than the API: nothing beyond its two members may leak out.
  const state = { analyzeFeedback, isReviewActive: () => true, reviewState: { isActive: true } } as LeadFromBehindApi;

  it('gives other extensions exactly analyzeFeedback and isReviewActive, without even building the probes', () => {
    let built = false;
    const api = extensionApi(state, () => ((built = true), probes), false);
    assert.deepEqual(Object.keys(api).sort(), ['analyzeFeedback', 'isReviewActive']);
    assert.equal(built, false);
    assert.equal(api.isReviewActive(), true);
    assert.equal(api.analyzeFeedback('Please add a test.').tone, 'directive');
  });

  it('adds the test probes when the extension runs for its tests', () => {
    const api = extensionApi(state, () => probes, true) as LeadFromBehindApi & TestProbes;
    assert.deepEqual(Object.keys(api).sort(), [
      'analyzeFeedback',
      'followThroughProbe',
      'forgetReflectionOffer',
      'isReviewActive',
      'isSidebarResolved',
      'isSidebarVisible',
      'reflectionFolder',
      'reflectionNotes',
      'reflectionOffer',
      'reviewFiguresFromState',
      'reviewFiguresState',
      'reviewPrompt',
      'sidebarProbe',
      'yourReviewsProbe',
    ]);
    assert.equal(api.reviewPrompt(), 'Ask, don\'t tell');
    assert.equal(api.isSidebarResolved(), true);
  });
});
