// Workflow designer: a bpmn-js modeler with Chinese labels and the cm: extension attributes, driven by
// the Blazor page through this module (the properties panel itself is written in Blazor).
const CM_URI = 'http://citymgmt.cn/schema/bpmn/1.0';

const cmDescriptor = {
  name: 'CityMgmt', prefix: 'cm', uri: CM_URI, xml: { tagAlias: 'lowerCase' }, associations: [],
  types: [
    { name: 'UserTaskProps', extends: ['bpmn:UserTask'], properties: ['role', 'assignment', 'limit', 'outcomes', 'stage'].map(n => ({ name: n, isAttr: true, type: 'String' })) },
    { name: 'ServiceTaskProps', extends: ['bpmn:ServiceTask'], properties: [{ name: 'action', isAttr: true, type: 'String' }] },
    { name: 'BoundaryProps', extends: ['bpmn:BoundaryEvent'], properties: [{ name: 'limitFraction', isAttr: true, type: 'String' }] }
  ]
};

function translate(template, replacements) {
  const text = (window.cityMgmtBpmnZh || {})[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => (replacements || {})[key] ?? `{${key}}`);
}

const designers = new Map();

function loadScript(src) {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`)) return resolve();
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error('无法加载 ' + src));
    document.head.appendChild(script);
  });
}

function loadCss(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

// bpmn-js is large: loaded on the designer page only, from our own server (works offline).
async function ensureLoaded() {
  loadCss('lib/bpmn-js/assets/diagram-js.css');
  loadCss('lib/bpmn-js/assets/bpmn-js.css');
  loadCss('lib/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css');
  await loadScript('js/workflow-i18n.js');
  await loadScript('lib/bpmn-js/bpmn-modeler.production.min.js');
}

function describe(element) {
  if (!element) return null;
  const bo = element.businessObject;
  const attrs = {};
  for (const key of ['role', 'assignment', 'limit', 'outcomes', 'stage', 'action', 'limitFraction']) {
    const value = bo.get ? bo.get('cm:' + key) : undefined;
    if (value !== undefined && value !== null) attrs[key] = String(value);
  }
  const timer = (bo.eventDefinitions || []).find(d => d.$type === 'bpmn:TimerEventDefinition');
  const source = bo.sourceRef;
  return {
    id: element.id,
    type: bo.$type.replace('bpmn:', ''),
    name: bo.name || '',
    attributes: attrs,
    condition: bo.conditionExpression ? (bo.conditionExpression.body || '') : null,
    isDefaultFlow: !!(source && source.default && source.default.id === bo.id),
    sourceType: source ? source.$type.replace('bpmn:', '') : null,
    cancelActivity: bo.$type === 'bpmn:BoundaryEvent' ? bo.cancelActivity !== false : null,
    timerDuration: timer && timer.timeDuration ? (timer.timeDuration.body || '') : null
  };
}

export async function create(host, xml, dotnet) {
  await ensureLoaded();
  const modeler = new window.BpmnJS({
    container: host,
    keyboard: { bindTo: host },
    additionalModules: [{ translate: ['value', translate] }],
    moddleExtensions: { cm: cmDescriptor }
  });
  host.tabIndex = 0;
  const id = host.id || ('designer-' + Math.random().toString(36).slice(2));
  designers.set(id, { modeler, dotnet });
  const eventBus = modeler.get('eventBus');
  eventBus.on('selection.changed', e => dotnet.invokeMethodAsync('OnSelectionChanged', describe(e.newSelection[0])));
  eventBus.on('commandStack.changed', () => dotnet.invokeMethodAsync('OnDiagramChanged'));
  await load(id, xml);
  return id;
}

export async function load(id, xml) {
  const { modeler } = designers.get(id);
  const result = await modeler.importXML(xml);
  modeler.get('canvas').zoom('fit-viewport', 'auto');
  return (result.warnings || []).map(w => w.message);
}

export async function save(id) {
  const { xml } = await designers.get(id).modeler.saveXML({ format: true });
  return xml;
}

export function select(id, elementId) {
  const { modeler } = designers.get(id);
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) return null;
  modeler.get('selection').select(element);
  modeler.get('canvas').scrollToElement(element);
  return describe(element);
}

// Writes name, cm: attributes, a flow's condition or default flag; returns the element's new description.
export function update(id, elementId, change) {
  const { modeler } = designers.get(id);
  const element = modeler.get('elementRegistry').get(elementId);
  if (!element) return null;
  const modeling = modeler.get('modeling');
  const moddle = modeler.get('moddle');
  const props = {};
  if (change.name !== undefined && change.name !== null) props.name = change.name;
  for (const [key, value] of Object.entries(change.attributes || {})) props['cm:' + key] = value === '' ? undefined : value;
  if (change.condition !== undefined && change.condition !== null) {
    props.conditionExpression = change.condition === ''
      ? undefined
      : moddle.create('bpmn:FormalExpression', { body: change.condition });
  }
  if (Object.keys(props).length) modeling.updateProperties(element, props);
  if (change.isDefaultFlow !== undefined && change.isDefaultFlow !== null && element.source) {
    modeling.updateProperties(element.source, { default: change.isDefaultFlow ? element.businessObject : undefined });
  }
  if (change.timerDuration !== undefined && change.timerDuration !== null) {
    const timer = (element.businessObject.eventDefinitions || []).find(d => d.$type === 'bpmn:TimerEventDefinition');
    if (timer) {
      const duration = change.timerDuration === '' ? undefined : moddle.create('bpmn:FormalExpression', { body: change.timerDuration });
      modeler.get('modeling').updateModdleProperties(element, timer, { timeDuration: duration });
    }
  }
  return describe(element);
}

export function mark(id, elementIds) {
  const { modeler } = designers.get(id);
  const canvas = modeler.get('canvas');
  modeler.get('elementRegistry').forEach(e => canvas.removeMarker(e, 'cm-invalid'));
  for (const elementId of elementIds) {
    if (modeler.get('elementRegistry').get(elementId)) canvas.addMarker(elementId, 'cm-invalid');
  }
}

export function dispose(id) {
  const designer = designers.get(id);
  if (designer) {
    designer.modeler.destroy();
    designers.delete(id);
  }
}

// For end-to-end tests and power users: the modeler of a designer on the page.
window.cityMgmtDesigner = (id) => designers.get(id)?.modeler;
