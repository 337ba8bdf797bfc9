/** Message classifier: labels a collection message and explains each label with spans of the original text. */
export { classify, classifyBatch, classifyWindow, explain, type Explanation, type Hit } from './classify.js';
export { normalize, toOriginal, type Normalized } from './normalize.js';
