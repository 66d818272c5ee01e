// ChartScribe clinician app. Runs inside the EHR's frame; talks only to this server's /smart/api.
// Keeps nothing in URLs or browser storage: the note lives in this page's memory and on the server.

const API = '../api';
const TEMPLATE_NAMES = {
  standard: 'Standard', brief: 'Brief', detailed: 'Detailed',
  problem_oriented: 'Problem-oriented', birp: 'BIRP', dap: 'DAP',
};
const OUTCOME_NAMES = { created: 'Created', existing: 'Already in the chart', failed: 'Failed' };
const SECTIONS = ['subjective', 'objective', 'assessment', 'plan'];

const $ = (id) => document.getElementById(id);
const state = { csrf: null, specialties: [], note: null, busy: false, stream: null };

function say(text) {
  $('status').textContent = text;
}

function alertUser(text) {
  const box = $('alert');
  box.textContent = text;
  box.hidden = false;
}

function clearAlert() {
  const box = $('alert');
  box.textContent = '';
  box.hidden = true;
}

class ProblemError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `The server answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && state.csrf) {
    headers['X-CSRF-Token'] = state.csrf;
  }
  let response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ProblemError(0, { detail: 'ChartScribe could not be reached. Check the connection and try again.' });
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch (e) {
    payload = null;
  }
  if (!response.ok) {
    throw new ProblemError(response.status, payload);
  }
  return payload;
}

/** The words for a failure; a lost session always says how to get back. */
function failureText(prefix, error) {
  if (error.status === 401) {
    return 'Session expired: ' + (error.problem.detail
      || 'Your ChartScribe session has ended; open ChartScribe from the EHR again.');
  }
  if (error.status === 403) {
    return prefix + ': the request was refused. Open ChartScribe from the EHR again.';
  }
  // One invalid field is already named in the detail; several are listed.
  const fields = Array.isArray(error.problem.errors) && error.problem.errors.length > 1
    ? ' (' + error.problem.errors.map((f) => f.field + ' ' + f.message).join('; ') + ')'
    : '';
  return prefix + ': ' + error.message + fields;
}

function setBusy(busy) {
  state.busy = busy;
  $('generate').disabled = busy || !state.csrf;
  $('approve').disabled = busy || !state.note;
  $('specialty').disabled = busy || !state.csrf;
  $('template').disabled = busy || !state.csrf;
}

function formatDate(value) {
  if (!value) {
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) {
    return value;
  }
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function showContext(context) {
  const patient = context.patient || {};
  $('patient-name').textContent = patient.name || 'Patient ' + patient.id;
  $('patient-birth').textContent = formatDate(patient.birthDate) || 'not available';
  const encounter = context.encounter;
  if (encounter) {
    const parts = [encounter.display || 'Encounter ' + encounter.id];
    if (encounter.start) {
      parts.push(formatDate(encounter.start));
    }
    $('encounter').textContent = parts.join(', ');
  } else {
    $('encounter').textContent = 'none selected';
  }
  if (context.user && context.user.display) {
    $('user').textContent = context.user.display;
    $('user-row').hidden = false;
  }
  $('details-notice').hidden = context.detailsLoaded !== false;
}

function fillSpecialties(specialties) {
  const select = $('specialty');
  select.replaceChildren(...specialties.map((s) => new Option(s.name, s.id)));
  select.value = specialties.some((s) => s.id === 'generic') ? 'generic' : specialties[0].id;
  fillTemplates();
}

/** Templates follow the chosen specialty; the current choice is kept when it is still allowed. */
function fillTemplates() {
  const chosen = state.specialties.find((s) => s.id === $('specialty').value);
  const select = $('template');
  const previous = select.value || 'standard';
  const templates = chosen ? chosen.templates : ['standard'];
  select.replaceChildren(...templates.map((t) => new Option(TEMPLATE_NAMES[t] || t, t)));
  select.value = templates.includes(previous) ? previous : templates[0];
}

function codeCheckbox(kind, code) {
  const id = `code-${kind}-${code.code.replace(/[^A-Za-z0-9]/g, '_')}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'code';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.checked = true;
  box.dataset.kind = kind;
  box.dataset.code = code.code;
  const label = document.createElement('label');
  label.htmlFor = id;
  const strong = document.createElement('span');
  strong.className = 'code-id';
  strong.textContent = code.code;
  // CPT modifiers travel beside the bare code; shown after it as a coder writes them.
  const modifiers = (code.modifiers || []).map((m) => ` -${m}`).join('');
  label.append(strong, modifiers + ' ' + (code.description || ''));
  wrapper.append(box, label);
  return wrapper;
}

/**
 * Once anything of the note is in the chart, later edits would not reach it (the write-back never
 * writes a resource twice): the text and the codes are locked, and approving again only completes
 * what is missing. A new note unlocks them.
 */
function lockNote(locked) {
  for (const section of SECTIONS) {
    $(section).readOnly = locked;
  }
  for (const box of document.querySelectorAll('input[type=checkbox][data-kind]')) {
    box.disabled = locked;
  }
  $('locked').hidden = !locked;
}

function showNote(note) {
  state.note = note;
  for (const section of SECTIONS) {
    $(section).value = note[section] || '';
  }
  const warnings = Array.isArray(note.warnings) ? note.warnings : [];
  const list = $('warnings');
  list.replaceChildren(...warnings.map((w) => {
    const item = document.createElement('li');
    item.textContent = (w.section ? w.section.charAt(0).toUpperCase() + w.section.slice(1) + ': ' : '') + w.text;
    return item;
  }));
  list.hidden = warnings.length === 0;
  const codes = note.billing_codes || { icd10: [], cpt: [] };
  const icd10 = codes.icd10 || [];
  const cpt = codes.cpt || [];
  $('icd10-codes').replaceChildren(...icd10.map((c) => codeCheckbox('icd10', c)));
  $('cpt-codes').replaceChildren(...cpt.map((c) => codeCheckbox('cpt', c)));
  $('icd10-set').hidden = icd10.length === 0;
  $('cpt-set').hidden = cpt.length === 0;
  $('no-codes').hidden = icd10.length + cpt.length > 0;
  $('written').replaceChildren();
  $('results').hidden = true;
  lockNote(false);
  $('note').hidden = false;
}

function keptCodes(kind) {
  return [...document.querySelectorAll(`input[type=checkbox][data-kind="${kind}"]`)]
    .filter((box) => box.checked)
    .map((box) => box.dataset.code);
}

function writtenItem(resource) {
  const item = document.createElement('li');
  item.className = 'outcome-' + resource.outcome;
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = resource.resourceType;
  const outcome = document.createElement('span');
  outcome.className = 'outcome';
  outcome.textContent = OUTCOME_NAMES[resource.outcome] || resource.outcome;
  item.append(type, ' ', outcome);
  if (resource.outcome === 'failed') {
    const error = document.createElement('span');
    error.className = 'error';
    error.textContent = resource.error || 'The EHR did not accept it.';
    item.append(' ', error);
    return item;
  }
  if (resource.id) {
    const id = document.createElement('span');
    id.className = 'id';
    id.textContent = 'id ' + resource.id;
    item.append(' ', id);
  }
  if (resource.url && /^https?:\/\//i.test(resource.url)) {
    const link = document.createElement('a');
    link.href = resource.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = `Open ${resource.resourceType} in the EHR`;
    item.append(' ', link);
  }
  return item;
}

const SECTION_NAMES = { subjective: 'Subjective', objective: 'Objective', assessment: 'Assessment', plan: 'Plan' };

/**
 * Reads a server-sent event stream from a fetch response, handing each event's name and parsed JSON
 * data to onEvent. Comment lines (the server's heartbeats) are skipped.
 */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const dispatch = (block) => {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
    if (data.length > 0) {
      onEvent(name, JSON.parse(data.join('\n')));
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
  if (buffer.trim()) {
    dispatch(buffer);
  }
}

/** The note card while the server writes: empty sections filled as they arrive, read-only until done. */
function startDraft() {
  state.note = null;
  for (const section of SECTIONS) {
    $(section).value = '';
    $(section).readOnly = true;
  }
  $('warnings').replaceChildren();
  $('warnings').hidden = true;
  $('icd10-codes').replaceChildren();
  $('cpt-codes').replaceChildren();
  $('icd10-set').hidden = true;
  $('cpt-set').hidden = true;
  $('no-codes').hidden = true;
  $('locked').hidden = true;
  $('written').replaceChildren();
  $('results').hidden = true;
  $('progress').value = 0;
  $('progress').setAttribute('aria-valuetext', `0 of ${SECTIONS.length} sections written`);
  $('progress').hidden = false;
  $('note').setAttribute('aria-busy', 'true');
  $('note').hidden = false;
}

function endDraft(kept) {
  $('progress').hidden = true;
  $('note').removeAttribute('aria-busy');
  if (!kept) {
    $('note').hidden = true;
    for (const section of SECTIONS) {
      $(section).value = '';
    }
  }
}

/** The app's stream, with the session's CSRF token; a problem before the stream starts is a ProblemError. */
async function openStream(body, signal) {
  let response;
  try {
    response = await fetch(API + '/stream/note', {
      method: 'POST',
      headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json', 'X-CSRF-Token': state.csrf },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
  } catch (e) {
    throw new ProblemError(0, { detail: 'ChartScribe could not be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ProblemError(response.status, problem);
  }
  return response;
}

const LOST = 'the connection to ChartScribe was lost before the note was finished, and nothing was saved. '
  + 'Generate the note again.';

async function generate() {
  if (state.busy) {
    return;
  }
  clearAlert();
  setBusy(true);
  say('Writing the note…');
  // Leaving the page aborts the stream: the server sees the reader gone and stops writing.
  const controller = new AbortController();
  state.stream = controller;
  let finished = false;
  let drafting = false;
  try {
    const response = await openStream({
      transcript: $('transcript').value,
      specialty: $('specialty').value,
      template: $('template').value,
    }, controller.signal);
    startDraft();
    drafting = true;
    let written = 0;
    try {
      await readEvents(response, (name, data) => {
        if (finished) {
          return;
        }
        if (name === 'section' && SECTION_NAMES[data.section]) {
          $(data.section).value += data.delta;
        } else if (name === 'section_done' && SECTION_NAMES[data.section]) {
          written += 1;
          $('progress').value = written;
          $('progress').setAttribute('aria-valuetext', `${written} of ${SECTIONS.length} sections written`);
          say(`Writing the note: ${SECTION_NAMES[data.section]} written (${written} of ${SECTIONS.length}).`);
        } else if (name === 'done') {
          finished = true;
          endDraft(true);
          showNote(data);
          say('The draft note is ready. Review and edit it, then approve.');
        } else if (name === 'error') {
          finished = true;
          throw new ProblemError(data.status || 500, { ...data,
            detail: (data.detail || 'The note could not be written.') + ' Nothing was saved: generate the note again.' });
        }
      });
    } catch (error) {
      throw error instanceof ProblemError ? error : new ProblemError(0, { detail: LOST });
    }
    if (!finished) {
      throw new ProblemError(0, { detail: LOST });
    }
    setBusy(false);
    $('h-note').focus();
  } catch (error) {
    if (drafting) {
      endDraft(false);
    }
    say('');
    alertUser(failureText('Generation failed', error));
    setBusy(false);
    $('transcript').focus();
  } finally {
    state.stream = null;
  }
}

async function approve() {
  if (state.busy || !state.note) {
    return;
  }
  clearAlert();
  setBusy(true);
  say('Writing to the chart…');
  const body = {
    subjective: $('subjective').value,
    objective: $('objective').value,
    assessment: $('assessment').value,
    plan: $('plan').value,
    icd10: keptCodes('icd10'),
    cpt: keptCodes('cpt'),
  };
  try {
    const result = await call('POST', `/note/${encodeURIComponent(state.note.noteId)}/approve`, body);
    const resources = Array.isArray(result.resources) ? result.resources : [];
    $('written').replaceChildren(...resources.map(writtenItem));
    $('results').hidden = false;
    const failed = resources.filter((r) => r.outcome === 'failed').length;
    lockNote(failed < resources.length);
    if (result.complete) {
      say(`Written to the chart: ${resources.length} resource${resources.length === 1 ? '' : 's'}.`);
    } else {
      say('');
      alertUser(`The EHR refused ${failed} of ${resources.length} resources. Nothing is lost: `
        + 'choose "Approve and write back" again to retry.');
    }
    setBusy(false);
    $('h-results').focus();
  } catch (error) {
    say('');
    alertUser(failureText(error.status === 401 ? 'Session expired' : 'Writing to the chart failed', error));
    setBusy(false);
    $('approve').focus();
  }
}

async function start() {
  $('specialty').addEventListener('change', fillTemplates);
  $('generate').addEventListener('click', generate);
  $('approve').addEventListener('click', approve);
  window.addEventListener('pagehide', () => {
    if (state.stream) {
      state.stream.abort();
    }
  });
  setBusy(true);
  try {
    const context = await call('GET', '/context');
    state.csrf = context.csrfToken;
    state.specialties = context.specialties || [];
    showContext(context);
    fillSpecialties(state.specialties);
    setBusy(false);
  } catch (error) {
    $('patient-name').textContent = 'No patient';
    alertUser(failureText('ChartScribe could not start', error));
    state.busy = false;
  }
}

start();
