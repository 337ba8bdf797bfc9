/** Message classifier: labels a collection message and explains each label with spans of the original text. */
export { classifyRules, classifyWindow, explain, type Explanation, type Hit } from './classify.js';
export { classify, classifyBatch, classifierVersion, loadModel, type ClassifyOptions } from './model.js';
export { normalize, toOriginal, type Normalized } from './normalize.js';
