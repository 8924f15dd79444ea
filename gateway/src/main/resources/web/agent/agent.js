// Switchboard agent desktop: one WebSocket to /agent/ws (see docs/agent-protocol.md).
// Every text that comes from customers or visitors is inserted with textContent, never as markup.
"use strict";

(() => {
  const TOKEN_KEY = "switchboard.token";
  const LAST_SEQ_KEY = "switchboard.lastSeq";
  const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];
  const MAX_TABS = 6;

  const $ = (id) => document.getElementById(id);
  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    socket: null,
    lastSeq: Number(sessionStorage.getItem(LAST_SEQ_KEY) || "") || null,
    attempts: 0,
    nextId: 1,
    pending: new Map(),
    welcome: null,
    offers: new Map(),
    chats: new Map(),
    activeTab: null,
    audio: null,
    ringTimer: null,
    stopped: false,
  };

  // ---- small helpers ---------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function byTestId(root, id) {
    return root.querySelector(`[data-testid="${id}"]`);
  }

  function notice(text, isError) {
    const box = $("notice");
    box.textContent = text;
    box.classList.toggle("error", Boolean(isError));
  }

  function setStatus(text, kind) {
    const status = $("connection-status");
    status.textContent = text;
    status.dataset.state = kind;
  }

  function show(view) {
    $("sign-in-view").hidden = view !== "sign-in";
    $("desk").hidden = view !== "desk";
    $("presence").hidden = view !== "desk";
  }

  function rememberSeq(seq) {
    if (typeof seq === "number" && seq > 0) {
      state.lastSeq = seq;
      sessionStorage.setItem(LAST_SEQ_KEY, String(seq));
    }
  }

  // ---- sign-in ---------------------------------------------------------------------------------

  async function signIn(event) {
    event.preventDefault();
    const error = $("sign-in-error");
    error.textContent = "";
    unlockAudio();
    try {
      const response = await fetch("/api/v1/sessions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ account: $("sign-in-account").value.trim(), password: $("sign-in-password").value }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        error.textContent = body.detail || `Sign-in failed (${response.status})`;
        return;
      }
      $("sign-in-password").value = "";
      state.token = body.token;
      sessionStorage.setItem(TOKEN_KEY, body.token);
      sessionStorage.removeItem(LAST_SEQ_KEY);
      state.lastSeq = null;
      state.stopped = false;
      connect();
    } catch (failure) {
      error.textContent = `Cannot reach the server: ${failure.message}`;
    }
  }

  async function signOut() {
    state.stopped = true;
    try {
      await command("presence", { state: "OFFLINE" });
    } catch (ignored) { /* the socket may already be gone */ }
    if (state.socket) state.socket.close(1000, "signed out");
    await fetch("/api/v1/sessions/current", {
      method: "DELETE",
      credentials: "same-origin",
      headers: state.token ? { Authorization: `Bearer ${state.token}` } : {},
    }).catch(() => {});
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(LAST_SEQ_KEY);
    state.token = null;
    state.lastSeq = null;
    resetDesk();
    setStatus("Signed out", "off");
    show("sign-in");
  }

  // ---- connection ------------------------------------------------------------------------------

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/agent/ws`);
    state.socket = socket;
    setStatus(state.attempts ? "Reconnecting…" : state.token ? "Connecting…" : "Checking session…", "connecting");
    socket.addEventListener("open", () => {
      const hello = { type: "hello" };
      if (state.token) hello.token = state.token;
      if (state.lastSeq) hello.lastSeq = state.lastSeq;
      socket.send(JSON.stringify(hello));
    });
    socket.addEventListener("message", (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch (ignored) {
        return;
      }
      handle(frame);
    });
    socket.addEventListener("close", (closing) => closed(socket, closing));
  }

  function closed(socket, closing) {
    if (state.socket !== socket) return;
    state.socket = null;
    state.pending.forEach(({ reject }) => reject(new Error("connection lost")));
    state.pending.clear();
    if (closing.code === 4409) {
      setStatus("Replaced", "off");
      notice("This desktop was replaced by a newer sign-in. Reload to take over again.", true);
      return;
    }
    if (closing.code === 4401 || closing.code === 4403) {
      sessionStorage.removeItem(TOKEN_KEY);
      state.token = null;
      resetDesk();
      setStatus("Signed out", "off");
      show("sign-in");
      if (closing.code === 4403) $("sign-in-error").textContent = closing.reason || "This account is not an agent.";
      return;
    }
    if (state.stopped) return;
    const delay = BACKOFF_MS[Math.min(state.attempts, BACKOFF_MS.length - 1)] * (0.75 + Math.random() * 0.5);
    state.attempts += 1;
    setStatus(`Disconnected — retrying in ${Math.round(delay / 1000)} s`, "connecting");
    setTimeout(connect, delay);
  }

  function send(frame) {
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) throw new Error("not connected");
    state.socket.send(JSON.stringify(frame));
  }

  function command(type, fields) {
    return new Promise((resolve, reject) => {
      const id = state.nextId++;
      state.pending.set(id, { resolve, reject });
      try {
        send({ ...fields, type, id });
      } catch (failure) {
        state.pending.delete(id);
        reject(failure);
      }
    });
  }

  async function run(type, fields) {
    try {
      const result = await command(type, fields);
      if (!result.ok) notice(result.error || `${type} failed`, true);
      return result;
    } catch (failure) {
      notice(`${type}: ${failure.message}`, true);
      return { ok: false };
    }
  }

  // ---- frames from the server ------------------------------------------------------------------

  const handlers = {
    welcome: onWelcome,
    offer: onOffer,
    contact: onContact,
    presence: (frame) => showPresence(frame.presence),
    session: () => {},
    replaced: (frame) => notice(frame.reason, true),
    chat: onChat,
    typing: onTyping,
    "chat-ended": (frame) => {
      const chat = state.chats.get(frame.contact);
      if (chat) byTestId(chat.panel, "chat-typing").textContent = `Conversation ended by ${frame.by}.`;
    },
    result: (frame) => {
      const waiting = state.pending.get(frame.id);
      if (waiting) {
        state.pending.delete(frame.id);
        waiting.resolve(frame);
      }
    },
    error: (frame) => notice(frame.error, true),
    ping: () => send({ type: "pong" }),
  };

  function handle(frame) {
    if (frame.type !== "welcome" && typeof frame.seq === "number" && frame.seq > 0) {
      if (state.lastSeq !== null && frame.seq <= state.lastSeq) return;
      rememberSeq(frame.seq);
    }
    const handler = handlers[frame.type];
    if (handler) handler(frame);
  }

  function onWelcome(frame) {
    state.attempts = 0;
    state.welcome = frame;
    state.lastSeq = frame.seq;
    rememberSeq(frame.seq);
    show("desk");
    setStatus("Connected", "on");
    $("agent-name").textContent = frame.agent.name;
    $("phone-label").textContent = frame.phoneLabel ? `Phone: ${frame.phoneLabel}` : "";
    $("phone-label").hidden = !frame.phoneLabel;
    fillReasons(frame.reasons);
    showPresence(frame.presence);
    if (!frame.resumed) {
      resetDesk();
      frame.contacts.forEach((contact) => {
        if (contact.state === "ACTIVE" || contact.state === "WRAP_UP") openChat(contact);
        if (contact.state === "OFFERED") addOffer({ ...contact, deadline: null, match: null, candidates: [], timeline: [] });
      });
    }
    state.chats.forEach((chat, contact) => loadHistory(contact));
    notice(frame.resumed ? "Reconnected — nothing was lost." : "");
  }

  function onOffer(frame) {
    addOffer(frame);
    ring();
  }

  function onContact(frame) {
    const mine = frame.agent === state.welcome?.agent.id;
    const offer = state.offers.get(frame.contact)?.offer;
    if (frame.state !== "OFFERED" || !mine) removeOffer(frame.contact);
    if (mine && frame.state === "ACTIVE") {
      openChat(frame, offer);
    } else if (mine && frame.state === "WRAP_UP") {
      const chat = state.chats.get(frame.contact) || openChat(frame, offer);
      startWrapUp(chat);
    } else if (state.chats.has(frame.contact) && (frame.state === "ENDED" || frame.state === "QUEUED" || !mine)) {
      closeChat(frame.contact, frame.state === "QUEUED" ? "Transferred" : "Ended");
    }
  }

  // ---- presence --------------------------------------------------------------------------------

  function fillReasons(reasons) {
    const select = $("presence-reason");
    select.replaceChildren(...reasons.map((code) => {
      const option = el("option", null, code);
      option.value = code;
      return option;
    }));
  }

  function showPresence(presence) {
    $("presence-state").value = presence.state;
    $("presence-reason").hidden = presence.state !== "NOT_READY";
    if (presence.reason && [...$("presence-reason").options].some((o) => o.value === presence.reason)) {
      $("presence-reason").value = presence.reason;
    }
    $("presence-current").textContent = presence.reason ? `${presence.state} (${presence.reason})` : presence.state;
    $("presence-current").dataset.state = presence.state;
  }

  async function changePresence() {
    const chosen = $("presence-state").value;
    $("presence-reason").hidden = chosen !== "NOT_READY";
    const fields = { state: chosen };
    if (chosen === "NOT_READY") fields.reason = $("presence-reason").value;
    await run("presence", fields);
  }

  // ---- offers and screen-pop -------------------------------------------------------------------

  function addOffer(offer) {
    removeOffer(offer.contact);
    const card = $("offer-template").content.firstElementChild.cloneNode(true);
    card.dataset.contact = offer.contact;
    byTestId(card, "offer-channel").textContent = channelName(offer.channel);
    byTestId(card, "offer-queue").textContent = offer.queue;
    card.querySelector(".pop-slot").append(renderPop(offer, offer.contact));
    byTestId(card, "offer-accept").addEventListener("click", () => accept(offer.contact));
    byTestId(card, "offer-reject").addEventListener("click", () => reject(offer.contact));
    $("offers").prepend(card);
    const entry = { offer, card, timer: null };
    if (offer.deadline) {
      const tick = () => {
        const left = Math.max(0, Math.ceil((Date.parse(offer.deadline) - Date.now()) / 1000));
        byTestId(card, "offer-countdown").textContent = `${left} s`;
        card.classList.toggle("urgent", left <= 5);
      };
      tick();
      entry.timer = setInterval(tick, 250);
    }
    state.offers.set(offer.contact, entry);
    $("no-offers").hidden = true;
  }

  function channelName(channel) {
    const label = state.welcome?.phoneLabel;
    return channel === "voice" ? `phone call${label ? ` · ${label}` : ""}` : channel;
  }

  function removeOffer(contact) {
    const entry = state.offers.get(contact);
    if (!entry) return;
    clearInterval(entry.timer);
    entry.card.remove();
    state.offers.delete(contact);
    $("no-offers").hidden = state.offers.size > 0;
    if (state.offers.size === 0) stopRing();
  }

  function renderPop(source, contact) {
    const pop = $("pop-template").content.firstElementChild.cloneNode(true);
    fillPop(pop, source, contact);
    return pop;
  }

  function fillPop(pop, source, contact) {
    const customer = source.customer;
    byTestId(pop, "pop-name").textContent = customer ? customer.name : "Unknown customer";
    byTestId(pop, "pop-tier").textContent = customer ? customer.tier : "—";
    byTestId(pop, "pop-value").textContent = customer ? customer.lifetimeValue : "—";
    byTestId(pop, "pop-owner").textContent = customer?.accountOwner || "—";
    byTestId(pop, "pop-tags").textContent = customer?.tags?.length ? customer.tags.join(", ") : "—";
    byTestId(pop, "pop-notes").textContent = customer?.notes || "";
    pop.dataset.tier = customer ? customer.tier : "none";
    const match = source.match;
    byTestId(pop, "pop-match").textContent = match ? match.explanation + (match.ambiguous ? " — several customers match" : "") : "";
    byTestId(pop, "pop-match").hidden = !match;
    fillCandidates(pop, source.candidates || [], contact, !customer || match?.ambiguous);
    fillDial(pop, customer);
    const timeline = byTestId(pop, "pop-timeline");
    timeline.replaceChildren(...(source.timeline || []).map((entry) => {
      const item = el("li", "timeline-entry");
      item.append(el("time", null, new Date(entry.at).toLocaleString()), el("span", "channel", entry.channel),
        el("span", "summary", entry.summary));
      return item;
    }));
    if (!source.timeline?.length) timeline.replaceChildren(el("li", "muted", "No earlier contacts."));
  }

  // Click-to-dial: the agent's phone rings first, then the customer's number is dialled.
  function fillDial(pop, customer) {
    const box = byTestId(pop, "pop-dial");
    box.replaceChildren(...(customer?.phones || []).slice(0, 3).map((number) => {
      const button = el("button", "secondary dial", `Call ${number}`);
      button.type = "button";
      button.dataset.testid = "pop-dial-number";
      button.addEventListener("click", async () => {
        const result = await run("dial", { number });
        if (result.ok) notice(`Calling ${result.number}: pick up your phone when it rings.`);
      });
      return button;
    }));
  }

  function fillCandidates(pop, candidates, contact, wanted) {
    const box = byTestId(pop, "pop-candidates");
    box.replaceChildren();
    if (!wanted) return;
    if (candidates.length) box.append(el("p", "muted", "Pick the right customer:"));
    candidates.forEach((candidate) => {
      const row = el("div", "candidate");
      row.dataset.customer = candidate.id;
      row.append(el("span", "candidate-name", `${candidate.name} (${candidate.tier})`), el("small", "muted", candidate.how));
      const attach = el("button", "secondary", "Attach to this customer");
      attach.type = "button";
      attach.dataset.testid = "pop-attach";
      attach.addEventListener("click", () => attachCustomer(contact, candidate.id, pop));
      row.append(attach);
      box.append(row);
    });
    const create = el("button", "secondary", "New customer");
    create.type = "button";
    create.dataset.testid = "pop-new-customer";
    create.addEventListener("click", () => createCustomer(contact, pop));
    box.append(create);
  }

  async function attachCustomer(contact, customer, pop) {
    const result = await run("attach", { contact, customer });
    if (result.ok) {
      fillPop(pop, { customer: result.customer, timeline: result.timeline, match: null, candidates: [] }, contact);
      notice(`Attached ${result.customer.name} to this contact.`);
    }
  }

  async function createCustomer(contact, pop) {
    const name = prompt("Name of the new customer");
    if (!name) return;
    const result = await run("create-customer", { contact, customer: { name } });
    if (result.ok) fillPop(pop, { customer: result.customer, timeline: result.timeline, match: null, candidates: [] }, contact);
  }

  async function accept(contact) {
    const result = await run("accept", { contact });
    if (!result.ok && result.code === "offer-expired") removeOffer(contact);
  }

  async function reject(contact) {
    await run("reject", { contact });
    removeOffer(contact);
  }

  // ---- ringing ---------------------------------------------------------------------------------

  function unlockAudio() {
    if (!state.audio && window.AudioContext) state.audio = new AudioContext();
  }

  function beep() {
    const audio = state.audio;
    if (!audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.3);
  }

  function ring() {
    document.body.classList.add("ringing");
    if (state.ringTimer) return;
    beep();
    state.ringTimer = setInterval(beep, 1500);
  }

  function stopRing() {
    document.body.classList.remove("ringing");
    clearInterval(state.ringTimer);
    state.ringTimer = null;
  }

  // ---- chats -----------------------------------------------------------------------------------

  function openChat(contact, offer) {
    const existing = state.chats.get(contact.contact);
    if (existing) return existing;
    if (state.chats.size >= MAX_TABS) notice("Many contacts open: finish one before taking more.", true);
    const panel = $("chat-template").content.firstElementChild.cloneNode(true);
    panel.dataset.contact = contact.contact;
    panel.id = `chat-${contact.contact}`;
    const tab = el("button", "tab", `${offer?.customer?.name || contact.customer || "Visitor"} · ${channelName(contact.channel)}`);
    tab.type = "button";
    tab.dataset.testid = "chat-tab";
    tab.dataset.contact = contact.contact;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    tab.addEventListener("click", () => selectTab(contact.contact));
    $("chat-tabs").append(tab);
    $("chat-panels").append(panel);
    const chat = { contact: contact.contact, queue: contact.queue, panel, tab, seen: new Set(), lastSeq: 0 };
    state.chats.set(contact.contact, chat);
    const pop = renderPop(offer || { customer: null, timeline: [], candidates: [], match: null }, contact.contact);
    panel.querySelector(".pop-slot").append(pop);
    if (!offer && contact.customer) loadCustomer(contact.customer, pop, contact.contact);
    wireCompose(chat);
    if (contact.channel === "voice") wireCall(chat);
    selectTab(contact.contact);
    $("no-chats").hidden = true;
    loadHistory(contact.contact);
    return chat;
  }

  async function loadCustomer(customer, pop, contact) {
    const result = await command("customer", { customer }).catch(() => ({ ok: false }));
    if (result.ok) fillPop(pop, { customer: result.customer, timeline: result.timeline, match: null, candidates: [] }, contact);
  }

  function wireCompose(chat) {
    const form = byTestId(chat.panel, "chat-compose");
    const input = byTestId(chat.panel, "chat-input");
    const canned = byTestId(chat.panel, "chat-canned");
    (state.welcome?.canned || []).forEach((text) => {
      const option = el("option", null, text.length > 60 ? `${text.slice(0, 57)}…` : text);
      option.value = text;
      canned.append(option);
    });
    canned.addEventListener("change", () => {
      if (canned.value) input.value = canned.value;
      canned.value = "";
      input.focus();
    });
    const transfer = byTestId(chat.panel, "chat-transfer");
    (state.welcome?.queues || []).filter((queue) => queue.id !== chat.queue).forEach((queue) => {
      const option = el("option", null, `to ${queue.id}`);
      option.value = queue.id;
      transfer.append(option);
    });
    transfer.addEventListener("change", async () => {
      if (transfer.value) await run("transfer", { contact: chat.contact, queue: transfer.value });
      transfer.value = "";
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    let lastTyping = 0;
    input.addEventListener("input", () => {
      if (Date.now() - lastTyping > 3000) {
        lastTyping = Date.now();
        command("typing", { contact: chat.contact }).catch(() => {});
      }
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      const clientId = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
      input.value = "";
      const result = await run("message", { contact: chat.contact, text, clientId });
      if (result.ok) addMessage(chat, result.message);
      else input.value = text;
    });
    byTestId(chat.panel, "chat-end").addEventListener("click", async () => {
      const result = await run("end", { contact: chat.contact });
      if (result.ok && result.state === "WRAP_UP") startWrapUp(chat);
      if (result.ok && result.state === "ENDED") closeChat(chat.contact, "Ended");
    });
    byTestId(chat.panel, "wrapup-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const result = await run("wrapup", {
        contact: chat.contact,
        disposition: byTestId(chat.panel, "wrapup-disposition").value,
        notes: byTestId(chat.panel, "wrapup-notes").value,
      });
      if (result.ok) closeChat(chat.contact, "Saved to the customer's timeline");
    });
  }

  // ---- phone calls: the chat panel of a voice contact becomes a call bar --------------------------

  function callButton(label, testId, onClick) {
    const button = el("button", "secondary", label);
    button.type = "button";
    button.dataset.testid = testId;
    button.addEventListener("click", onClick);
    return button;
  }

  // "agent-2", "queue:billing" or a phone number, as typed in the target box.
  function target(text) {
    const value = text.trim();
    if (value.startsWith("queue:")) return { queue: value.slice(6) };
    return /^[+0-9][0-9 ()-]*$/.test(value) ? { number: value } : { agent: value };
  }

  function wireCall(chat) {
    const bar = byTestId(chat.panel, "call-bar");
    const where = el("input", "call-target");
    where.dataset.testid = "call-target";
    where.placeholder = "agent id, queue:name or number";
    where.setAttribute("aria-label", "Transfer or consult target");
    const contact = chat.contact;
    const status = el("span", "call-status muted", "Connected");
    status.dataset.testid = "call-status";
    const act = async (type, fields, after) => {
      const result = await run(type, { contact, ...fields });
      if (result.ok && after) status.textContent = after;
    };
    bar.replaceChildren(el("strong", null, channelName("voice")), status,
      callButton("Hang up", "call-hangup", () => act("call-hangup", {}, "Hung up")),
      callButton("Hold", "call-hold", () => act("call-hold", {}, "On hold")),
      callButton("Resume", "call-resume", () => act("call-resume", {}, "Ringing your phone…")),
      where,
      callButton("Transfer", "call-transfer", () => act("call-transfer", target(where.value), "Transferred")),
      callButton("Consult", "call-consult", () => act("call-consult", target(where.value), "Consulting…")),
      callButton("Complete transfer", "call-consult-complete", () => act("call-consult-complete", {}, "Transferred")),
      callButton("Back to caller", "call-consult-cancel", () => act("call-consult-cancel", {}, "Ringing your phone…")));
    bar.hidden = false;
    byTestId(chat.panel, "chat-compose").hidden = true;
    byTestId(chat.panel, "chat-messages").hidden = true;
  }

  function startWrapUp(chat) {
    const bar = byTestId(chat.panel, "call-bar");
    if (bar) bar.hidden = true;
    const form = byTestId(chat.panel, "wrapup-form");
    if (!form.hidden) return;
    const queue = (state.welcome?.queues || []).find((q) => q.id === chat.queue);
    const select = byTestId(chat.panel, "wrapup-disposition");
    select.replaceChildren(...(queue?.dispositions || []).map((code) => {
      const option = el("option", null, code);
      option.value = code;
      return option;
    }));
    byTestId(chat.panel, "chat-compose").hidden = true;
    form.hidden = false;
    chat.tab.classList.add("wrapping");
    select.focus();
  }

  function closeChat(contact, why) {
    const chat = state.chats.get(contact);
    if (!chat) return;
    chat.tab.remove();
    chat.panel.remove();
    state.chats.delete(contact);
    notice(why);
    const next = state.chats.keys().next();
    if (!next.done) selectTab(next.value);
    $("no-chats").hidden = state.chats.size > 0;
  }

  function selectTab(contact) {
    state.activeTab = contact;
    state.chats.forEach((chat, id) => {
      const selected = id === contact;
      chat.panel.hidden = !selected;
      chat.tab.setAttribute("aria-selected", String(selected));
      if (selected) chat.tab.classList.remove("unread");
    });
  }

  async function loadHistory(contact) {
    const chat = state.chats.get(contact);
    if (!chat) return;
    const result = await command("history", { contact, after: chat.lastSeq }).catch(() => ({ ok: false }));
    if (result.ok) result.messages.forEach((message) => addMessage(chat, message));
  }

  function onChat(frame) {
    const chat = state.chats.get(frame.contact);
    if (chat) addMessage(chat, frame.message);
  }

  function addMessage(chat, message) {
    if (chat.seen.has(message.seq)) return;
    chat.seen.add(message.seq);
    chat.lastSeq = Math.max(chat.lastSeq, message.seq);
    const row = el("div", `message ${message.sender}`);
    row.dataset.testid = "chat-message";
    row.dataset.seq = String(message.seq);
    row.append(el("span", "author", message.author), el("p", "text", message.text),
      el("time", "muted", new Date(message.at).toLocaleTimeString()));
    const list = byTestId(chat.panel, "chat-messages");
    const later = [...list.children].find((child) => Number(child.dataset.seq) > message.seq);
    list.insertBefore(row, later || null);
    list.scrollTop = list.scrollHeight;
    byTestId(chat.panel, "chat-typing").textContent = "";
    if (state.activeTab !== chat.contact) chat.tab.classList.add("unread");
  }

  function onTyping(frame) {
    const chat = state.chats.get(frame.contact);
    if (!chat) return;
    const line = byTestId(chat.panel, "chat-typing");
    line.textContent = "Visitor is typing…";
    clearTimeout(chat.typingTimer);
    chat.typingTimer = setTimeout(() => { line.textContent = ""; }, 4000);
  }

  function resetDesk() {
    [...state.offers.keys()].forEach(removeOffer);
    state.chats.forEach((chat) => { chat.tab.remove(); chat.panel.remove(); });
    state.chats.clear();
    $("no-chats").hidden = false;
    $("no-offers").hidden = false;
  }

  // ---- keyboard --------------------------------------------------------------------------------

  function shortcuts(event) {
    if (!event.altKey) return;
    const newest = $("offers").firstElementChild?.dataset.contact;
    if (event.key === "a" && newest) {
      event.preventDefault();
      accept(newest);
    } else if (event.key === "r" && newest) {
      event.preventDefault();
      reject(newest);
    } else if (/^[1-9]$/.test(event.key)) {
      const contact = [...state.chats.keys()][Number(event.key) - 1];
      if (contact) {
        event.preventDefault();
        selectTab(contact);
        byTestId(state.chats.get(contact).panel, "chat-input").focus();
      }
    }
  }

  // ---- start -----------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("sign-in").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", signOut);
    $("presence-state").addEventListener("change", changePresence);
    $("presence-reason").addEventListener("change", changePresence);
    document.addEventListener("keydown", shortcuts);
    document.addEventListener("click", unlockAudio, { once: true });
    show("sign-in");
    // With a token from this tab, or the HttpOnly cookie from an earlier sign-in, try the socket at once.
    connect();
  });
})();
