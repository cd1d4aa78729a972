// A tiny SCORM 1.2 SCO with which the LMS host tests itself. On load it finds the API
// as SCOs do (window.parent up to the top, then window.opener), calls LMSInitialize
// and reads what the LMS launched it with; then a test drives it through `window.sco`:
//
//   sco.launch                 { initialized, entry, student_id, …, suspend_data } as read
//   sco.set(element, value)    LMSSetValue: { result, error } (error: LMSGetLastError)
//   sco.get(element)           LMSGetValue: { value, error }
//   sco.commit(), sco.finish() LMSCommit(""), LMSFinish(""): { result, error }
//   sco.session(options)       a whole session (see below): the list of { result, error }
(function () {
  'use strict';

  /** The ADL discovery: the nearest window up the parent chain that has `API`. */
  function findAPI(win) {
    var tries = 0;
    while (!win.API && win.parent && win.parent !== win) {
      if (++tries > 500) return null;
      win = win.parent;
    }
    return win.API || null;
  }

  function getAPI() {
    var api = findAPI(window);
    if (!api && window.opener) api = findAPI(window.opener);
    return api;
  }

  var status = document.getElementById('status');
  var api = getAPI();
  var READ = [
    'cmi.core.entry',
    'cmi.core.student_id',
    'cmi.core.student_name',
    'cmi.core.lesson_mode',
    'cmi.core.credit',
    'cmi.core.lesson_status',
    'cmi.core.lesson_location',
    'cmi.core.score.raw',
    'cmi.core.total_time',
    'cmi.student_data.mastery_score',
    'cmi.launch_data',
    'cmi.suspend_data',
    'cmi.interactions._count',
    'cmi.objectives._count',
  ];

  function last() {
    return api.LMSGetLastError();
  }
  function set(element, value) {
    var result = api.LMSSetValue(element, value);
    return { result: result, error: last() };
  }
  function get(element) {
    var value = api.LMSGetValue(element);
    return { value: value, error: last() };
  }
  function commit() {
    var result = api.LMSCommit('');
    return { result: result, error: last() };
  }
  function finish() {
    var result = api.LMSFinish('');
    return { result: result, error: last() };
  }

  /**
   * A learner's session: status, score, one more interaction (at cmi.interactions._count,
   * so a resumed session appends), location and suspend data, LMSCommit, then exit and
   * session time, LMSFinish.
   */
  function session(options) {
    var o = Object.assign(
      {
        status: 'completed',
        raw: '85',
        response: 'b',
        result: 'correct',
        location: 'page-3',
        suspend: 'page=3;answers=b',
        exit: 'suspend',
        sessionTime: '00:01:05',
      },
      options || {},
    );
    var n = Number(api.LMSGetValue('cmi.interactions._count'));
    var p = 'cmi.interactions.' + n + '.';
    return [
      set('cmi.core.lesson_status', o.status),
      set('cmi.core.score.min', '0'),
      set('cmi.core.score.max', '100'),
      set('cmi.core.score.raw', o.raw),
      set(p + 'id', 'q' + (n + 1)),
      set(p + 'type', 'choice'),
      set(p + 'time', '10:15:00'),
      set(p + 'student_response', o.response),
      set(p + 'correct_responses.0.pattern', 'b'),
      set(p + 'result', o.result),
      set(p + 'latency', '00:00:04'),
      set('cmi.core.lesson_location', o.location),
      set('cmi.suspend_data', o.suspend),
      commit(),
      set('cmi.core.exit', o.exit),
      set('cmi.core.session_time', o.sessionTime),
      finish(),
    ];
  }

  window.sco = { api: api, launch: null, set: set, get: get, commit: commit, finish: finish, session: session };

  if (!api) {
    status.textContent = 'No LMS: the SCORM 1.2 API was not found.';
    return;
  }
  var initialized = api.LMSInitialize('') === 'true';
  var launch = { initialized: initialized };
  var list = document.getElementById('launch');
  READ.forEach(function (element) {
    var key = element.replace(/^cmi\.(core\.)?/, '');
    launch[key] = api.LMSGetValue(element);
    var dt = document.createElement('dt');
    var dd = document.createElement('dd');
    dt.textContent = element;
    dd.textContent = launch[key];
    list.append(dt, dd);
  });
  window.sco.launch = launch;
  status.textContent = initialized ? 'Running: ' + (launch.entry || 'no entry') + '.' : 'LMSInitialize failed: ' + last() + '.';
})();
