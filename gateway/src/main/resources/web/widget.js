/* Switchboard web chat widget: one script tag, no dependencies. Protocol: docs/visitor-protocol.md.
   Every visitor or agent text is inserted with textContent, never as markup. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.SwitchboardChat) return;
  var data = script.dataset;
  var base = new URL(script.src, location.href);
  var cfg = {
    queue: data.queue || 'support',
    site: data.site || 'demo',
    title: data.title || '',
    color: /^#[0-9a-fA-F]{3,8}$/.test(data.color || '') ? data.color : '#0a7',
    lang: data.lang === 'ko' ? 'ko' : (data.lang === 'en' ? 'en' : ((navigator.language || '').indexOf('ko') === 0 ? 'ko' : 'en')),
    requireEmail: data.requireEmail === 'true',
    requirePhone: data.requirePhone === 'true'
  };
  var TEXT = {
    en: {
      open: 'Chat with us', title: 'Chat', name: 'Your name', email: 'Email', phone: 'Phone (optional)', start: 'Start chat',
      waiting: 'Waiting for an agent', position: 'Your place in the queue: ', estimate: 'Estimated wait: about ', minutes: ' min',
      joined: ' joined the chat', typing: ' is typing…', placeholder: 'Type a message', send: 'Send', end: 'End chat',
      ended: 'The chat has ended.', survey: 'How was this chat?', thanks: 'Thank you for your feedback.',
      offline: 'We are offline right now. Leave a message or ask us to call you back.', message: 'Your message',
      leave: 'Leave a message', callback: 'Call me back', left: 'Message received: we will answer by email.',
      called: 'Callback requested: we will call ', reconnecting: 'Reconnecting…', close: 'Close', agent: 'Agent',
      sending: 'sending', delivered: 'delivered', you: 'You'
    },
    ko: {
      open: '채팅 상담', title: '상담', name: '이름', email: '이메일', phone: '전화번호 (선택)', start: '상담 시작',
      waiting: '상담원 연결을 기다리는 중입니다', position: '대기 순서: ', estimate: '예상 대기 시간: 약 ', minutes: '분',
      joined: ' 상담원이 연결되었습니다', typing: ' 입력 중…', placeholder: '메시지를 입력하세요', send: '보내기', end: '상담 종료',
      ended: '상담이 종료되었습니다.', survey: '상담은 어떠셨나요?', thanks: '의견 감사합니다.',
      offline: '지금은 상담 시간이 아닙니다. 메시지를 남기거나 전화 상담을 요청하세요.', message: '문의 내용',
      leave: '메시지 남기기', callback: '전화 요청', left: '메시지가 접수되었습니다. 이메일로 답변드리겠습니다.',
      called: '전화 요청이 접수되었습니다: ', reconnecting: '다시 연결하는 중…', close: '닫기', agent: '상담원',
      sending: '전송 중', delivered: '전달됨', you: '나'
    }
  };
  var t = TEXT[cfg.lang];
  var storeKey = 'sb-chat:' + cfg.site + ':' + cfg.queue;
  var state = load() || {};
  var socket = null, attempts = 0, pending = {}, profile = null, pongTimer = 0, pingTimer = 0, typingSent = 0, typingHide = 0;
  var ended = false;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(storeKey)); } catch (e) { return null; }
  }
  function save() {
    try { sessionStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode: no resume */ }
  }
  function forget() {
    state = {};
    try { sessionStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
  }

  /* ---- DOM: built with createElement and textContent only ---- */
  function el(tag, id, text, attrs) {
    var node = document.createElement(tag);
    if (id) { node.id = id; node.setAttribute('data-testid', id); }
    if (text) node.textContent = text;
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    return node;
  }
  var host = el('div', 'sb-chat');
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = el('style');
  style.textContent = ':host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}' +
    '#sb-chat-launcher,button{background:' + cfg.color + ';color:#fff;border:0;border-radius:6px;padding:8px 12px;cursor:pointer}' +
    '#sb-chat-launcher{position:fixed;right:20px;bottom:20px;border-radius:24px;padding:12px 18px;z-index:2147483000}' +
    '#sb-chat-panel{position:fixed;right:20px;bottom:76px;width:340px;max-width:calc(100vw - 40px);height:480px;' +
    'max-height:calc(100vh - 100px);background:#fff;color:#222;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.25);' +
    'display:flex;flex-direction:column;overflow:hidden;z-index:2147483000}[hidden]{display:none!important}' +
    'header{background:' + cfg.color + ';color:#fff;padding:10px 12px;display:flex;justify-content:space-between}' +
    'header button{padding:0 6px;background:transparent}section{padding:12px;overflow:auto;flex:1}' +
    'form{display:flex;flex-direction:column;gap:8px}input,textarea{border:1px solid #bbb;border-radius:6px;padding:8px;width:100%}' +
    '#sb-chat-messages{display:flex;flex-direction:column;gap:6px}.msg{max-width:80%;padding:6px 10px;border-radius:10px;' +
    'background:#eee;white-space:pre-wrap;overflow-wrap:anywhere}.msg.visitor{align-self:flex-end;background:' + cfg.color +
    '22}.msg.system{align-self:center;background:transparent;color:#666;font-size:12px}.state{display:block;font-size:11px;color:#666}' +
    '.who{display:block;font-size:11px;color:#555}#sb-chat-compose{display:flex;gap:6px;padding:8px;border-top:1px solid #ddd}' +
    '#sb-chat-typing{font-size:12px;color:#666;padding:0 12px;min-height:16px}.rating{display:flex;gap:6px}';
  root.appendChild(style);
  var launcher = el('button', 'sb-chat-launcher', t.open, { type: 'button', 'aria-expanded': 'false' });
  var panel = el('div', 'sb-chat-panel', null, { role: 'dialog', 'aria-label': cfg.title || t.title });
  panel.hidden = true;
  var header = el('header');
  header.appendChild(el('span', 'sb-chat-title', cfg.title || t.title));
  var closeButton = el('button', 'sb-chat-close', '×', { type: 'button', 'aria-label': t.close });
  header.appendChild(closeButton);
  var status = el('div', 'sb-chat-status', null, { role: 'status' });
  var form = el('form', 'sb-chat-form');
  var nameInput = field(form, 'sb-chat-name', t.name, 'text', true);
  var emailInput = field(form, 'sb-chat-email', t.email, 'email', cfg.requireEmail);
  var phoneInput = field(form, 'sb-chat-phone', t.phone, 'tel', cfg.requirePhone);
  form.appendChild(el('button', 'sb-chat-start', t.start, { type: 'submit' }));
  var waiting = el('div', 'sb-chat-waiting');
  waiting.appendChild(el('p', null, t.waiting));
  var position = el('p', 'sb-chat-position');
  var estimate = el('p', 'sb-chat-estimate');
  waiting.appendChild(position);
  waiting.appendChild(estimate);
  var agentName = el('p', 'sb-chat-agent');
  var messages = el('div', 'sb-chat-messages', null, { 'aria-live': 'polite' });
  var offline = el('div', 'sb-chat-offline');
  var survey = el('div', 'sb-chat-survey');
  var body = el('section');
  [status, form, waiting, agentName, messages, offline, survey].forEach(function (part) { body.appendChild(part); });
  var typing = el('div', 'sb-chat-typing');
  var compose = el('form', 'sb-chat-compose');
  var input = el('input', 'sb-chat-input', null, { placeholder: t.placeholder, maxlength: '2000', 'aria-label': t.placeholder });
  compose.appendChild(input);
  compose.appendChild(el('button', 'sb-chat-send', t.send, { type: 'submit' }));
  var endButton = el('button', 'sb-chat-end', t.end, { type: 'button' });
  compose.appendChild(endButton);
  [header, body, typing, compose].forEach(function (part) { panel.appendChild(part); });
  root.appendChild(launcher);
  root.appendChild(panel);
  show('form');

  function field(parent, id, label, type, required) {
    var input = el('input', id, null, { type: type, placeholder: label, 'aria-label': label, maxlength: '254' });
    input.required = required;
    parent.appendChild(input);
    return input;
  }

  function show(view) {
    form.hidden = view !== 'form';
    waiting.hidden = view !== 'waiting';
    messages.hidden = view !== 'chat' && view !== 'waiting' && view !== 'ended';
    compose.hidden = view !== 'chat' && view !== 'waiting';
    offline.hidden = view !== 'offline';
    survey.hidden = view !== 'ended';
    agentName.hidden = view !== 'chat';
  }

  /* ---- connection ---- */
  function connect() {
    var url = (base.protocol === 'https:' ? 'wss://' : 'ws://') + base.host + '/chat/ws?site=' + encodeURIComponent(cfg.site);
    socket = new WebSocket(url);
    socket.onopen = function () {
      attempts = 0;
      status.textContent = '';
      sendStart();
      pingTimer = setInterval(ping, 25000);
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      (handlers[frame.type] || function () {})(frame);
    };
    socket.onclose = function () {
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      socket = null;
      if (!ended && (state.conversation || profile)) retry();
    };
  }
  function sendStart() {
    var start = { type: 'start', queue: cfg.queue };
    if (state.conversation) {
      start.resume = { conversation: state.conversation, token: state.token, lastSeq: state.lastSeq || 0 };
    } else {
      for (var key in profile) start[key] = profile[key];
    }
    send(start);
  }
  function retry() {
    status.textContent = t.reconnecting;
    var delay = Math.min(30000, 1000 * Math.pow(2, attempts++)) * (0.5 + Math.random() / 2);
    setTimeout(connect, delay);
  }
  function send(frame) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }
  function ping() {
    if (send({ type: 'ping' })) {
      pongTimer = setTimeout(function () { if (socket) socket.close(); }, 10000);
    }
  }

  var handlers = {
    started: function (frame) {
      state.conversation = frame.conversation;
      state.token = frame.token;
      state.lastSeq = Math.max(state.lastSeq || 0, frame.seq || 0);
      status.textContent = '';
      save();
      show(state.agent ? 'chat' : 'waiting');
      for (var id in pending) if (!pending[id].acked) send({ type: 'send', text: pending[id].text, clientId: id });
    },
    queue: function (frame) {
      position.textContent = t.position + frame.position;
      estimate.textContent = t.estimate + Math.max(1, Math.round(frame.estimatedWaitSeconds / 60)) + t.minutes;
    },
    agent: function (frame) {
      state.agent = frame.name;
      save();
      agentName.textContent = frame.name + t.joined;
      show('chat');
    },
    message: function (frame) {
      var mine = frame.clientId && pending[frame.clientId];
      if (frame.seq <= (state.lastSeq || 0) && !mine) return;
      state.lastSeq = Math.max(state.lastSeq || 0, frame.seq);
      save();
      if (mine) {
        mark(mine.node, t.delivered);
        delete pending[frame.clientId];
        return;
      }
      if (frame.sender === 'agent') typing.textContent = '';
      addMessage(frame.sender, frame.author, frame.text, null);
    },
    ack: function (frame) {
      var mine = pending[frame.clientId];
      if (mine) { mine.acked = true; mark(mine.node, t.delivered); }
    },
    typing: function (frame) {
      typing.textContent = (state.agent || t.agent) + t.typing;
      clearTimeout(typingHide);
      typingHide = setTimeout(function () { typing.textContent = ''; }, 4000);
    },
    ended: function () {
      ended = true;
      addMessage('system', '', t.ended, null);
      showSurvey();
      show('ended');
      forget();
      setTimeout(function () { if (socket) socket.close(); }, 60000);
    },
    offline: function (frame) { showOffline(frame.options || []); show('offline'); },
    'message-left': function () { offline.textContent = t.left; done(); },
    'callback-requested': function (frame) { offline.textContent = t.called + frame.phone; done(); },
    'survey-recorded': function () { survey.textContent = t.thanks; if (socket) socket.close(); },
    pong: function () { clearTimeout(pongTimer); },
    error: function (frame) {
      if (frame.code === 'bad-resume') { forget(); show('form'); return; }
      if (frame.code === 'ended' && !ended) { handlers.ended(); return; }
      status.textContent = frame.message;
    }
  };

  function done() {
    ended = true;
    forget();
    if (socket) socket.close();
  }

  function addMessage(sender, author, text, stateText) {
    var item = el('div', null, null, { 'class': 'msg ' + sender, 'data-testid': 'sb-chat-message' });
    if (author && sender !== 'system') item.appendChild(el('span', null, author, { 'class': 'who' }));
    item.appendChild(document.createTextNode(text));
    if (stateText) item.appendChild(el('span', null, stateText, { 'class': 'state', 'data-testid': 'sb-chat-delivery' }));
    messages.appendChild(item);
    body.scrollTop = body.scrollHeight;
    return item;
  }
  function mark(node, text) {
    var label = node.querySelector('.state');
    if (label) label.textContent = text;
  }

  function showSurvey() {
    survey.textContent = '';
    survey.appendChild(el('p', null, t.survey));
    var row = el('div', null, null, { 'class': 'rating' });
    [1, 2, 3, 4, 5].forEach(function (rating) {
      var button = el('button', 'sb-chat-rate-' + rating, String(rating), { type: 'button', 'data-rating': String(rating) });
      button.onclick = function () { send({ type: 'survey', rating: rating }); };
      row.appendChild(button);
    });
    survey.appendChild(row);
  }

  function showOffline(options) {
    offline.textContent = '';
    offline.appendChild(el('p', null, t.offline));
    if (options.indexOf('message') >= 0) {
      var leave = el('form', 'sb-chat-leave');
      var text = el('textarea', 'sb-chat-leave-text', null, { placeholder: t.message, maxlength: '2000', required: '' });
      leave.appendChild(text);
      leave.appendChild(el('button', 'sb-chat-leave-send', t.leave, { type: 'submit' }));
      leave.onsubmit = function (event) {
        event.preventDefault();
        send({ type: 'leave-message', name: profile.name, email: emailInput.value, text: text.value });
      };
      offline.appendChild(leave);
    }
    if (options.indexOf('callback') >= 0) {
      var call = el('form', 'sb-chat-callback');
      var phone = el('input', 'sb-chat-callback-phone', null, { type: 'tel', placeholder: t.phone, required: '' });
      phone.value = phoneInput.value;
      call.appendChild(phone);
      call.appendChild(el('button', 'sb-chat-callback-send', t.callback, { type: 'submit' }));
      call.onsubmit = function (event) { event.preventDefault(); send({ type: 'callback', phone: phone.value }); };
      offline.appendChild(call);
    }
  }

  /* ---- user actions ---- */
  launcher.onclick = function () {
    panel.hidden = !panel.hidden;
    launcher.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden && state.conversation && !socket) connect();
  };
  closeButton.onclick = function () { panel.hidden = true; launcher.setAttribute('aria-expanded', 'false'); };
  form.onsubmit = function (event) {
    event.preventDefault();
    profile = { name: nameInput.value.trim() };
    if (emailInput.value.trim()) profile.email = emailInput.value.trim();
    if (phoneInput.value.trim()) profile.phone = phoneInput.value.trim();
    if (window.SwitchboardIdentity) profile.identity = window.SwitchboardIdentity;
    ended = false;
    forget();
    if (socket && socket.readyState === 1) sendStart(); else if (!socket) connect();
  };
  compose.onsubmit = function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) return;
    input.value = '';
    var clientId = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    pending[clientId] = { text: text, node: addMessage('visitor', t.you, text, t.sending) };
    send({ type: 'send', text: text, clientId: clientId });
  };
  input.oninput = function () {
    if (Date.now() - typingSent > 3000) { typingSent = Date.now(); send({ type: 'typing' }); }
  };
  endButton.onclick = function () { send({ type: 'end' }); };

  window.SwitchboardChat = { open: function () { if (panel.hidden) launcher.onclick(); } };
  (document.body || document.documentElement).appendChild(host);
  /* A reload rebuilds the page's history from the start; reconnects within the page resume after lastSeq. */
  if (state.conversation) { state.lastSeq = 0; panel.hidden = false; connect(); }
})();
