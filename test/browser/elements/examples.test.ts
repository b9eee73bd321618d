/// <reference types="mocha" />
/** Every examples list: each example in zh-Hans, zh-Hant and en, elder mode off and on, with axe. */
import '../../../src/elements/provider/define.js';
import '../fixtures/test-card.js';
import { providerExamples } from '../../../src/elements/provider/provider.examples.js';
import { runExamples } from '../fixtures/run-examples.js';
import { testCardExamples } from '../fixtures/test-card.examples.js';

runExamples(providerExamples);
runExamples(testCardExamples);
