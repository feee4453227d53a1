// Fills an XForm with ODK's own form engine (@getodk/xforms-engine, the engine of ODK Web Forms), as a tablet would.
//
// Usage: node fill.mjs FORM.xml < steps.json
// The steps are JSON: {"language": "Uzbek (uz)", "answers": [["field", "value"], ...], "rows": {"repeat": 2}}.
// A field is named by its name (the first of that name) or by its whole reference (`/data/table[2]/column`).
// The language is chosen first; each repeat named in `rows` gets that many rows; then each answer is given in turn,
// a select's as its choice id (several, space-separated, for a select_multiple), a date as YYYY-MM-DD. It prints,
// as JSON, the form's languages and every field as the engine then shows it: its name, whether it is shown
// (relevant), whether it is required, its type of value, its label and the ids of its choices in the chosen
// language, its answer, and what keeps the form from being submitted (its required fields left empty and its
// answers out of bounds).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(`ODK's form engine needs Node 20 or newer; this is ${process.versions.node}\n`);
  process.exit(1);
}

// The engine expects a browser's DOM; its XPath parser, compiled by Emscripten, looks for Node's own names.
const { window } = new JSDOM('');
for (const name of ['DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'XPathResult']) {
  globalThis[name] = window[name];
}
globalThis.document = window.document;
globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = join(here, 'node_modules', '@getodk', 'xforms-engine', 'dist');
const { createInstance } = await import('@getodk/xforms-engine');

const form = readFileSync(process.argv[2], 'utf8');
const steps = JSON.parse(readFileSync(0, 'utf8'));
const created = await createInstance(form, {});
const root = created.root;

const languages = root.languages.map((language) => language.language);
if (steps.language) {
  const chosen = root.languages.find((language) => language.language === steps.language);
  if (!chosen) throw new Error(`the form has no language ${steps.language}; it has ${languages.join(', ')}`);
  root.setLanguage(chosen);
}

const nameOf = (node) => node.currentState.reference.split('/').pop().replace(/\[\d+\]$/, '');

function* walk(node) {
  yield node;
  for (const child of node.currentState.children ?? []) yield* walk(child);
}

// A field by its name (the first of that name), or by its whole reference when it starts with a slash.
const find = (name, accept = () => true) => {
  const matches = (node) => (name.startsWith('/') ? node.currentState.reference : nameOf(node)) === name;
  const found = [...walk(root)].find((node) => matches(node) && accept(node));
  if (!found) throw new Error(`the form has no field ${name}`);
  return found;
};

for (const [name, rows] of Object.entries(steps.rows ?? {})) {
  const range = find(name, (node) => node.nodeType.startsWith('repeat-range'));
  range.addInstances(range.currentState.children.length - 1, rows - range.currentState.children.length);
}
for (const [name, value] of steps.answers ?? []) {
  const node = find(name);
  if (node.nodeType === 'select') {
    node.selectValues(value.split(' ').filter(Boolean));
  } else {
    node.setValue(value);
  }
}

// A field's answer as its submission holds it: a select's choices separated by spaces, a date as YYYY-MM-DD; null
// for a group, a repeat or a note.
function answerOf(node) {
  if (node.currentState.children || node.nodeType === 'note') return null;
  const value = node.currentState.value;
  if (Array.isArray(value)) return value.join(' ');
  return value === null || value === undefined ? '' : String(value);
}

const fields = [...walk(root)]
  .filter((node) => node !== root)
  .map((node) => ({
    name: nameOf(node),
    reference: node.currentState.reference,
    type: node.nodeType,
    valueType: node.valueType ?? null,
    relevant: node.currentState.relevant,
    required: node.currentState.required,
    label: node.currentState.label?.asString ?? null,
    choices: node.nodeType === 'select' ? node.currentState.valueOptions.map((item) => item.value) : null,
    value: answerOf(node),
  }));
const violations = root.validationState.violations.map((found) => ({
  reference: found.reference,
  condition: found.violation.condition,
}));
process.stdout.write(JSON.stringify({ languages, fields, violations }));
