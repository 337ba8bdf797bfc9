/** Rule tests run on the real law data: the app's law view (built from src/law) is what caseOf() passes to the rules. */
import { RULE_LAW } from '../../src/app/rule-law.js';
import { setTestLaw } from '../../src/domain/rules/testkit.js';

setTestLaw(RULE_LAW);
