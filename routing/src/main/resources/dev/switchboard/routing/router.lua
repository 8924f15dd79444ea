-- Switchboard routing: every decision that claims an agent or a contact runs here, atomically.
-- run(keys, argv): keys[1] = the center's config hash (declares the slot; every key shares the center's hash tag);
-- argv[1] = key prefix, argv[2] = operation, argv[3] = now (epoch ms, from the caller's clock),
-- argv[4] = the caller's settings as k=v,k=v (saves reading the config hash; may be empty), argv[5..] = operands.
-- Replies are JSON: {offers=[...], ended=[...], ...} or {error=code, message=text}.
--
-- The source serves two ways (LuaFunction): as a script, whose last line runs it with KEYS and ARGV, and, where
-- Redis has functions (7.0 and later), as a library that registers 'run' in place of that line. A library's
-- helpers are defined once when it loads; a script defines every local function anew on each run, which is a
-- large part of a short run's cost. Either way 'run' sets the state of the run below before its operation.

-- the globals a run uses most, as locals: each use of a global is a look-up in the globals table. run() sets
-- them, as a library's top level has none of them while it loads
local call, tonumber, tostring, type, ipairs, pairs, unpack

local PMAX = 800          -- priorities are 0..799; score = (PMAX - priority) * 1e13 + entry ms
local SCAN = 25           -- contacts a queue match looks at, at most

-- the state of one run, set by run()
local P, OP, NOW, A, R    -- key prefix, operation, now, operands, reply
local FMT                 -- integers formatted in this run (now, today), by value
local CFG_KEY, SETTINGS, CFG, QCFG
local UNLISTED            -- contacts of this run not (yet) in their waiting lists: a newcomer matched at once
local NEXT_SEQ            -- agent -> the sequence number of its next event, already written with its hash
-- integers as Redis strings; a run formats the same few values (now, today) many times, so keep them
local function fmt(n)
  local text = FMT[n]
  if not text then
    text = string.format('%d', n)
    FMT[n] = text
  end
  return text
end
local function akey(id) return P .. 'a:' .. id end
local function ckey(id) return P .. 'c:' .. id end
local function rkey(pool, ch) return P .. 'r:' .. pool .. ':' .. ch end
-- who is logged in (READY or NOT_READY), per pool and channel: a set per pool and channel, written only
-- when an agent logs in or out, so 'staffed' answers by looking at a queue's pools, never at its agents
local function lkey(pool, ch) return P .. 'lp:' .. pool .. ':' .. ch end

-- what is derived from a few distinct texts (comma lists of channels, pools, waiting lists) is made once per
-- library load (or per script run) and shared, at most 1000 of a kind (or the cache's max); callers only read it
local function remembered(cache, text, make)
  local value = cache.values[text]
  if value == nil then
    value = make(text)
    if cache.size >= (cache.max or 1000) then cache.values, cache.size = {}, 0 end
    cache.values[text] = value
    cache.size = cache.size + 1
  end
  return value
end

local NONE = {}
local SPLIT = { values = {}, size = 0 }
local function split_now(s)
  local t = {}
  for x in string.gmatch(s, '[^,]+') do t[#t + 1] = x end
  return t
end
local function split(s)
  if not s or s == '' then return NONE end
  return remembered(SPLIT, s, split_now)
end

local function hgetall(key)
  local r = call('HGETALL', key)
  if #r == 0 then return nil end
  local t = {}
  for i = 1, #r, 2 do t[r[i]] = r[i + 1] end
  return t
end

-- the given fields of a hash that has fields[1] (nil when it has not); fields it lacks stay nil
local function hmget(key, fields)
  local r = call('HMGET', key, unpack(fields))
  if not r[1] then return nil end
  local t = {}
  for i = 1, #fields do
    if r[i] then t[fields[i]] = r[i] end
  end
  return t
end

local function fail(code, message)
  return cjson.encode({ error = code, message = message })
end

-- the caller's settings, one table per distinct text (a node passes the same text with every call): each value is
-- found in the text when first asked for and kept with it, as false when the text lacks it, for the run to read
-- from the center's config hash instead (the script form, which keeps nothing between runs, finds only the
-- two or three values a run reads)
local COST_FIELD = { VOICE = 'cost:VOICE', CHAT = 'cost:CHAT', EMAIL = 'cost:EMAIL', CALLBACK = 'cost:CALLBACK' }
local SETTINGS_OF = { values = {}, size = 0 }
local function settings_now(text)
  return { text = ',' .. text, values = {}, costs = {} }
end
local function cfg(field)
  local value = SETTINGS.values[field]
  if value == nil then
    local _, stop = string.find(SETTINGS.text, ',' .. field .. '=', 1, true)
    value = stop and string.match(SETTINGS.text, '^[^,]*', stop + 1) or false
    SETTINGS.values[field] = value
  end
  if value then return value end
  if not CFG then CFG = hgetall(CFG_KEY) or {} end
  return CFG[field]
end
local function cost(ch)
  local units = SETTINGS.costs[ch]
  if not units then
    local field = COST_FIELD[ch]
    units = tonumber(cfg(field) or 100)
    if SETTINGS.values[field] then SETTINGS.costs[ch] = units end
  end
  return units
end

-- an agent's per-channel counter names, written out rather than joined on every look-up (and a library's
-- top level may call nothing: Redis gives it no functions but its own while it loads)
local N_OF = { VOICE = 'n:VOICE', CHAT = 'n:CHAT', EMAIL = 'n:EMAIL', CALLBACK = 'n:CALLBACK' }

-- A queue's hash changes only through 'configure', which records the digest of the configuration it wrote in the
-- config hash ('gen'). The hashes read are kept per key prefix while that digest stays the same, so a run reads
-- one field instead of the whole hash ('hours' writes its own field and reads it with HGET, never from here).
-- Without a digest (queues written by an older version) every run reads the hashes, as does the script form,
-- whose every run is the first (nothing it keeps outlives it, so it reads no digest either).
local QUEUES = {}         -- key prefix -> { gen = digest, hashes = { [queue] = hash or false } }
local RUNS = 0            -- runs since this source was loaded
local function qcfg(q)
  if not QCFG and RUNS == 1 then QCFG = {} end
  if not QCFG then
    local gen = call('HGET', CFG_KEY, 'gen')
    local known = QUEUES[P]
    if not gen then
      known = { hashes = {} }
    elseif not known or known.gen ~= gen then
      known = { gen = gen, hashes = {} }
      QUEUES[P] = known
    end
    QCFG = known.hashes
  end
  local hash = QCFG[q]
  if hash == nil then
    hash = hgetall(P .. 'q:' .. q) or false
    QCFG[q] = hash
  end
  return hash
end
local function pools_of(q, level) return split(qcfg(q)['p' .. level]) end

local function day() return fmt(math.floor(NOW / 86400000)) end
local STATS_TTL = '691200'  -- seconds: today's counters outlive the day by a week
local function count(key, field, by)
  if by == 0 then return end
  if call('HINCRBY', key, field, fmt(by)) == by then call('EXPIRE', key, STATS_TTL) end
end
local function qstat(q, field, by) count(P .. 's:' .. q .. ':' .. day(), field, by or 1) end
local function astat(aid, field, by) count(P .. 'as:' .. aid .. ':' .. day(), field, by) end

-- events -----------------------------------------------------------------------------------------

-- extra: a field name and a JSON text spliced in as they are (saves decoding and re-encoding them)
local function encode(ev, extra, raw)
  local json = cjson.encode(ev)
  if extra then json = string.sub(json, 1, -2) .. ',"' .. extra .. '":' .. raw .. '}' end
  return json
end

-- the end of an event's JSON text: its addressee and sequence number for an event to an agent, whose stream also
-- gets it (see publish), else just the closing brace. An event is built as one concatenation ending in this,
-- so a run makes each event's text once rather than once per part added
local function addressed(aid)
  if not aid or aid == '' then return '}', nil end
  local seq = NEXT_SEQ[aid]
  if seq then NEXT_SEQ[aid] = nil else seq = call('HINCRBY', akey(aid), 'seq', '1') end
  seq = string.format('%d', seq)
  return ',"to":"' .. aid .. '","seq":' .. seq .. '}', seq
end

-- publishes an event; one to an agent (seq: its sequence number, from addressed) also goes into the agent's
-- stream. The stream is trimmed approximately (whole stream nodes, far cheaper than one entry per add); the
-- backlog operation serves only the last 'backlog' sequence numbers, so the bound stays exact
local function publish(json, aid, seq)
  if seq then
    call('XADD', akey(aid) .. ':ev', 'MAXLEN', '~', cfg('backlog') or '500', seq .. '-1', 'e', json)
  end
  call('PUBLISH', P .. 'events', json)
end

local function emit(ev, aid, extra, raw)
  ev.at = NOW
  if aid and aid ~= '' then ev.agent = ev.agent or aid end
  local to, seq = addressed(aid)
  publish(string.sub(encode(ev, extra, raw), 1, -2) .. to, aid, seq)
end

-- a contact's transition, into its log and out as an event to its agent (or to 'notify', the agent it left).
-- States, reasons and ids need no escaping (ids are [A-Za-z0-9._@:-]) and the attributes are stored as JSON,
-- so both texts are written directly
local function changed(cid, c, from, why, notify)
  local agent = (c.agent and c.agent ~= '') and c.agent or nil
  local at = fmt(NOW)
  local by = agent and ',"agent":"' .. agent .. '"' or ''
  call('RPUSH', ckey(cid) .. ':log', '{"at":' .. at .. ',"from":"' .. from .. '","to":"' .. c.state .. '"' .. by
    .. ',"why":"' .. why .. '"}')
  local to = notify or agent
  if not agent and to and to ~= '' then by = ',"agent":"' .. to .. '"' end
  local offered = ''
  if c.state == 'OFFERED' then
    offered = ',"deadline":' .. fmt(tonumber(c.deadline)) .. ',"customer":"' .. (c.cust or '') .. '","attributes":'
      .. ((c.attrs and c.attrs ~= '') and c.attrs or '{}')
  end
  local tail, seq = addressed(to)
  publish('{"type":"contact","contact":"' .. cid .. '","from":"' .. from .. '","state":"' .. c.state .. '","queue":"'
    .. c.q .. '","channel":"' .. c.ch .. '","why":"' .. why .. '","at":' .. at .. by .. offered .. tail, to, seq)
end

-- agents -----------------------------------------------------------------------------------------

-- An agent's routing profile (capacity, channels, pools, per-channel caps, indexed pools per channel, waiting
-- lists) is written at login as one text, 'prof', and parsed here once per distinct text: a run reads one field
-- for it instead of a dozen and finds the keys of the agent's lists made. Agents logged in before 'prof' existed
-- have the same values as separate fields, read as they are.
local PROFILES = {}        -- per key prefix (the keys a profile carries are the prefix's): a cache of profiles
local NO_LISTS = '-'      -- in place of the waiting lists of an agent logged in before they were recorded
-- the keys of the waiting lists in the profile's 'wq' ('queue|CHANNEL,...'), with their queues
local function wait_lists(wq)
  local lists = { keys = {}, queues = {} }
  for _, list in ipairs(split_now(wq)) do
    lists.keys[#lists.keys + 1] = P .. 'w:' .. (string.gsub(list, '|', ':'))
    lists.queues[#lists.queues + 1] = string.match(list, '^[^|]+')
  end
  return lists
end
local function profile_now(text)
  local cap, chans, pools, maxes, indexed, lists =
    string.match(text, '^([^\n]*)\n([^\n]*)\n([^\n]*)\n([^\n]*)\n([^\n]*)\n(.*)$')
  local pr = { cap = tonumber(cap) or 0, chans = split_now(chans), pools = split_now(pools), max = {},
               rkeys = {}, lkeys = {}, wq = lists ~= NO_LISTS and lists or nil }
  if pr.wq then pr.lists = wait_lists(pr.wq) end
  for _, pair in ipairs(split_now(maxes)) do
    local ch, max = string.match(pair, '([^=]+)=(%d+)')
    if ch then pr.max[ch] = tonumber(max) end
  end
  local own = {}
  for ch, channel_pools in string.gmatch(indexed, '([^|=]+)=([^|]*)') do own[ch] = split_now(channel_pools) end
  for _, ch in ipairs(pr.chans) do
    local rkeys, lkeys = {}, {}
    for _, pool in ipairs(own[ch] or pr.pools) do
      rkeys[#rkeys + 1] = rkey(pool, ch)
      lkeys[#lkeys + 1] = lkey(pool, ch)
    end
    pr.rkeys[ch], pr.lkeys[ch] = rkeys, lkeys
  end
  return pr
end
local CHANNELS = { 'VOICE', 'CHAT', 'EMAIL', 'CALLBACK' }
local function legacy_profile(a)
  local maxes, indexed = {}, {}
  for _, ch in ipairs(CHANNELS) do
    if a['max:' .. ch] then maxes[#maxes + 1] = ch .. '=' .. a['max:' .. ch] end
    if a['rp:' .. ch] then indexed[#indexed + 1] = ch .. '=' .. a['rp:' .. ch] end
  end
  return (a.cap or '0') .. '\n' .. (a.ch or '') .. '\n' .. (a.pools or '') .. '\n' .. table.concat(maxes, ',') .. '\n'
    .. table.concat(indexed, '|') .. '\n' .. (a.wq or NO_LISTS)
end
local function profile(a)
  local cache = PROFILES[P]
  if not cache then
    cache = { values = {}, size = 0, max = 10000 }
    PROFILES[P] = cache
  end
  return remembered(cache, a.prof or legacy_profile(a), profile_now)
end

-- the agent fields an offer and a release read and write (an agent without 'prof' is read whole)
local AGENT_READS = { 'state', 'prof', 'since', 'used', 'seq', 'idle', 'n:VOICE', 'n:CHAT', 'n:EMAIL', 'n:CALLBACK' }
local function agent_for_routing(aid)
  local a = hmget(akey(aid), AGENT_READS)
  if a and not a.prof then a = hgetall(akey(aid)) end
  return a
end

local function can_take(a, pr, ch)
  if a.state ~= 'READY' then return false end
  if pr.cap - tonumber(a.used or 0) < cost(ch) then return false end
  local n = tonumber(a[N_OF[ch]] or 0)
  if ch == 'VOICE' and n > 0 then return false end
  local max = pr.max[ch]
  if max and n >= max then return false end
  return true
end

-- an agent is in the list of each pool it is indexed in for a channel (the pools some queue of that channel
-- searches) while it can take a contact of the channel, scored by when it became idle
local function index_agent(aid, a)
  local pr = profile(a)
  local score = fmt(tonumber(a.idle or NOW))
  for _, ch in ipairs(pr.chans) do
    local keys = pr.rkeys[ch]
    if can_take(a, pr, ch) then
      for i = 1, #keys do call('ZADD', keys[i], score, aid) end
    else
      for i = 1, #keys do call('ZREM', keys[i], aid) end
    end
  end
end

local function mark_present(aid, a, present)
  local pr = profile(a)
  for _, ch in ipairs(pr.chans) do
    for _, key in ipairs(pr.lkeys[ch]) do
      if present then call('SADD', key, aid) else call('SREM', key, aid) end
    end
  end
end

local function unindex_agent(aid, a)
  local pr = profile(a)
  for _, ch in ipairs(pr.chans) do
    for _, key in ipairs(pr.rkeys[ch]) do call('ZREM', key, aid) end
  end
  mark_present(aid, a, false)
end

local function set_state(aid, a, state, reason, why)
  local since = tonumber(a.since or NOW)
  if a.state and a.state ~= 'OFFLINE' then astat(aid, 't:' .. a.state, NOW - since) end
  if state == 'READY' and a.state ~= 'READY' then a.idle = NOW end
  local was_present = a.state ~= nil and a.state ~= 'OFFLINE'
  a.state = state
  if was_present ~= (state ~= 'OFFLINE') then mark_present(aid, a, state ~= 'OFFLINE') end
  a.reason = reason or ''
  a.since = NOW
  call('HSET', akey(aid), 'state', state, 'reason', a.reason, 'since', fmt(NOW), 'idle', fmt(tonumber(a.idle or NOW)))
  emit({ type = 'agent', state = state, reason = a.reason, why = why }, aid)
end

-- the sequence number of an agent's next event, to write with its hash when the event follows in this run
-- with no other event to the agent in between (saves the HINCRBY of 'seq')
local function reserve_seq(aid, a)
  local seq = tonumber(a.seq or 0) + 1
  a.seq = seq
  NEXT_SEQ[aid] = seq
  return fmt(seq)
end

-- releases the capacity the contact holds on its agent, and with 'idle' makes the agent idle from now and
-- reserves the agent's next event (the caller's next step sends it one); returns
-- the agent's id and its hash as written, or nothing when the contact has no agent
local function release(cid, c, idle)
  local aid = c.agent
  if not aid or aid == '' then return nil end
  local a = agent_for_routing(aid) or {}
  local fields = {}
  if call('SREM', akey(aid) .. ':c', cid) == 1 then
    local n = N_OF[c.ch]
    a.used = tonumber(a.used or 0) - cost(c.ch)
    a[n] = tonumber(a[n] or 0) - 1
    fields = { 'used', fmt(a.used), n, fmt(a[n]) }
  end
  if idle then
    a.idle = NOW
    fields[#fields + 1] = 'idle'
    fields[#fields + 1] = FMT[NOW]
    fields[#fields + 1] = 'seq'
    fields[#fields + 1] = reserve_seq(aid, a)
  end
  if #fields > 0 then call('HSET', akey(aid), unpack(fields)) end
  return aid, a
end

-- queues -----------------------------------------------------------------------------------------

local function queue_in(cid, c)
  UNLISTED[cid] = nil
  call('ZADD', P .. 'w:' .. c.q .. ':' .. c.ch, fmt((PMAX - tonumber(c.prio)) * 1e13 + tonumber(c.entry)), cid)
  call('ZADD', P .. 'we:' .. c.q, fmt(tonumber(c.entry)), cid)
end

local function queue_out(cid, c)
  call('ZREM', P .. 'w:' .. c.q .. ':' .. c.ch, cid)
  call('ZREM', P .. 'we:' .. c.q, cid)
end

local function available(q, level, ch)
  for _, pool in ipairs(pools_of(q, level)) do
    if call('ZCARD', rkey(pool, ch)) > 0 then return true end
  end
  return false
end

-- the agent for a queued contact: the waited-for preferred agent, else the longest idle eligible one
local function choose(cid, c)
  local pools = pools_of(c.q, c.level)
  if c.pref and c.pref ~= '' and NOW < tonumber(c.prefUntil or 0) then
    local state = call('HGET', akey(c.pref), 'state')
    if state and state ~= 'OFFLINE' then
      for _, pool in ipairs(pools) do
        if call('ZSCORE', rkey(pool, c.ch), c.pref) then return c.pref end
      end
      return nil, 'preferred'
    end
  end
  local declined = c.dec == '1'
  local best, best_score = nil, nil
  for _, pool in ipairs(pools) do
    local r = call('ZRANGE', rkey(pool, c.ch), '0', declined and '9' or '0', 'WITHSCORES')
    for i = 1, #r, 2 do
      if not declined or call('SISMEMBER', ckey(cid) .. ':d', r[i]) == 0 then
        local score = tonumber(r[i + 1])
        if not best_score or score < best_score then best, best_score = r[i], score end
        break
      end
    end
  end
  if best then return best end
  return nil, declined and 'declined' or 'none'
end

local function offer(cid, c, aid)
  local a = agent_for_routing(aid)
  local n = N_OF[c.ch]
  a.used = tonumber(a.used or 0) + cost(c.ch)
  a[n] = tonumber(a[n] or 0) + 1
  a.idle = NOW
  call('HSET', akey(aid), 'used', fmt(a.used), n, fmt(a[n]), 'idle', FMT[NOW], 'seq', reserve_seq(aid, a))
  call('SADD', akey(aid) .. ':c', cid)
  if not UNLISTED[cid] then queue_out(cid, c) end
  c.state, c.agent, c.offerAt, c.deadline = 'OFFERED', aid, NOW, NOW + tonumber(cfg('offerMs'))
  call('HSET', ckey(cid), 'state', 'OFFERED', 'agent', aid, 'offerAt', fmt(NOW), 'deadline', fmt(c.deadline))
  call('ZADD', P .. 't', fmt(c.deadline), 'o|' .. cid)
  if c.pref and c.pref ~= '' then call('ZREM', P .. 't', 'p|' .. cid) end
  index_agent(aid, a)
  changed(cid, c, 'QUEUED', 'offer')
  R.offers[#R.offers + 1] = { contact = cid, agent = aid, deadline = c.deadline, channel = c.ch, queue = c.q }
end

-- serves the queue's waiting contacts in order (merging its per-channel lists) while agents can take them
local function match_queue(q)
  local qc = qcfg(q)
  if not qc then return end
  local levels = tonumber(qc.n or 0)
  local live = {}
  for _, ch in ipairs(split(qc.ch)) do
    if available(q, levels, ch) then live[ch] = 0 end
  end
  for _ = 1, SCAN do
    local best_ch, best_id, best_score = nil, nil, nil
    for ch, offset in pairs(live) do
      local head = call('ZRANGE', P .. 'w:' .. q .. ':' .. ch, fmt(offset), fmt(offset), 'WITHSCORES')
      if #head == 0 then
        live[ch] = nil
      elseif not best_score or tonumber(head[2]) < best_score then
        best_ch, best_id, best_score = ch, head[1], tonumber(head[2])
      end
    end
    if not best_id then return end
    local c = hgetall(ckey(best_id))
    local aid, why = nil, 'gone'
    if c and c.state == 'QUEUED' then aid, why = choose(best_id, c) end
    if aid then
      offer(best_id, c, aid)
      for ch in pairs(live) do
        if not available(q, levels, ch) then live[ch] = nil end
      end
    elseif why == 'none' and tonumber(c.level) == levels then
      live[best_ch] = nil
    else
      live[best_ch] = live[best_ch] + 1
    end
  end
end

-- the heads of the waiting lists the agent may serve, one per queue; an empty list has no key, so one EXISTS
-- answers the common case of nothing waiting
local function agent_heads(lists)
  local by_queue, heads = {}, {}
  if #lists.keys == 0 or call('EXISTS', unpack(lists.keys)) == 0 then return heads end
  for i, key in ipairs(lists.keys) do
    local q = lists.queues[i]
    local head = call('ZRANGE', key, '0', '0', 'WITHSCORES')
    if #head > 0 then
      local score = tonumber(head[2])
      if not by_queue[q] then
        by_queue[q] = { q = q, score = score }
        heads[#heads + 1] = by_queue[q]
      elseif score < by_queue[q].score then
        by_queue[q].score = score
      end
    end
  end
  return heads
end

local function match_for_agent(aid, a)
  a = a or hgetall(akey(aid))
  if not a or a.state ~= 'READY' then return end
  local pr = profile(a)
  if pr.wq then
    local heads = agent_heads(pr.lists)
    table.sort(heads, function(x, y) return x.score < y.score end)
    for _, head in ipairs(heads) do match_queue(head.q) end
    return
  end
  local seen, heads, channels = {}, {}, pr.chans
  for _, pool in ipairs(pr.pools) do
    for _, q in ipairs(call('SMEMBERS', P .. 'pq:' .. pool)) do
      if not seen[q] and call('ZCARD', P .. 'we:' .. q) > 0 then
        seen[q] = true
        local best = nil
        for _, ch in ipairs(channels) do
          local head = call('ZRANGE', P .. 'w:' .. q .. ':' .. ch, '0', '0', 'WITHSCORES')
          if #head > 0 and (not best or tonumber(head[2]) < best) then best = tonumber(head[2]) end
        end
        if best then heads[#heads + 1] = { q = q, score = best } end
      end
    end
  end
  table.sort(heads, function(x, y) return x.score < y.score end)
  for _, head in ipairs(heads) do match_queue(head.q) end
end

-- contacts ---------------------------------------------------------------------------------------

local function requeue(cid, c, why, notify)
  local from = c.state
  c.state, c.agent = 'QUEUED', ''
  call('HSET', ckey(cid), 'state', 'QUEUED', 'agent', '', 'enq', fmt(NOW))
  call('ZREM', P .. 't', 'o|' .. cid)
  if c.pref and c.pref ~= '' and NOW < tonumber(c.prefUntil or 0) then
    call('ZADD', P .. 't', fmt(tonumber(c.prefUntil)), 'p|' .. cid)
  end
  queue_in(cid, c)
  changed(cid, c, from, why, notify)
end

local function escalate(cid, c)
  local qc = qcfg(c.q)
  local steps, level, entry = tonumber(qc.n or 0), tonumber(c.level), tonumber(c.entry)
  local moved = false
  while level < steps and entry + tonumber(qc['a' .. (level + 1)]) <= NOW do
    level = level + 1
    moved = true
    local raise = tonumber(qc['r' .. level] or 0)
    if raise > 0 then c.prio = math.min(PMAX - 1, tonumber(c.prio) + raise) end
    local action = qc['f' .. level]
    if action and action ~= '' and c.state == 'QUEUED' then
      emit({ type = 'fallback', contact = cid, queue = c.q, channel = c.ch, action = action })
    end
  end
  if moved then
    c.level = level
    call('HSET', ckey(cid), 'level', fmt(level), 'prio', fmt(tonumber(c.prio)))
    if c.state == 'QUEUED' then queue_in(cid, c) end
  end
  if level < steps then
    call('ZADD', P .. 't', fmt(entry + tonumber(qc['a' .. (level + 1)])), 'e|' .. cid)
  elseif steps > 0 then
    call('ZREM', P .. 't', 'e|' .. cid)
  end
  return moved
end

local function end_contact(cid, c, outcome, disposition, notes)
  local from = c.state
  local aid, a = release(cid, c, true)
  if from == 'QUEUED' then queue_out(cid, c) end
  c.state, c.outcome, c.endAt = 'ENDED', outcome, NOW
  if disposition and disposition ~= '' then c.disp = disposition end
  if notes and notes ~= '' then c.notes = notes end
  if outcome == 'ABANDONED' then
    c.waitMs = NOW - tonumber(c.entry)
    qstat(c.q, 'abandoned')
  elseif outcome == 'HANDLED' then
    c.wrapMs = NOW - tonumber(c.doneAt or NOW)
    qstat(c.q, 'handled')
    if aid then
      astat(aid, 'handled', 1)
      astat(aid, 'busyMs', NOW - tonumber(c.answerAt or NOW))
    end
  end
  local fields = { 'state', 'ENDED', 'outcome', outcome, 'endAt', fmt(NOW), 'disp', c.disp or '', 'notes', c.notes or '',
    'waitMs', fmt(tonumber(c.waitMs or 0)), 'wrapMs', fmt(tonumber(c.wrapMs or 0)) }
  if c.doneAt then  -- completed in this very run: its completion fields go in the same write
    for _, field in ipairs({ 'doneAt', 'handleMs' }) do
      fields[#fields + 1] = field
      fields[#fields + 1] = fmt(tonumber(c[field]))
    end
  end
  call('HSET', ckey(cid), unpack(fields))
  local qc = qcfg(c.q)
  if from == 'OFFERED' then call('ZREM', P .. 't', 'o|' .. cid) end
  if from == 'WRAP_UP' then call('ZREM', P .. 't', 'w|' .. cid) end
  if c.pref and c.pref ~= '' then call('ZREM', P .. 't', 'p|' .. cid) end
  if tonumber(qc.n or 0) > 0 then call('ZREM', P .. 't', 'e|' .. cid) end
  if qc.mw and qc.mw ~= '' then call('ZREM', P .. 't', 'm|' .. cid) end
  changed(cid, c, from, string.lower(outcome), aid)
  local retention = cfg('retentionSec') or '604800'
  call('EXPIRE', ckey(cid), retention)
  call('EXPIRE', ckey(cid) .. ':log', retention)
  if c.dec == '1' then call('EXPIRE', ckey(cid) .. ':d', retention) end
  -- what the channels and the timeline read of an ended contact (ReplyDecoding.endedContact)
  R.ended[#R.ended + 1] = { id = cid, ch = c.ch, q = c.q, cust = c.cust, outcome = outcome, entry = c.entry,
    endAt = NOW, waitMs = c.waitMs, ring = c.ring, handleMs = c.handleMs, wrapMs = c.wrapMs, agent = c.agent,
    disp = c.disp, notes = c.notes, attrs = c.attrs }
  if aid then
    index_agent(aid, a)
    match_for_agent(aid, a)
  end
end

-- fields: the contact's fields the operation reads (all when nil); 'state' first
local function contact_for(cid, aid, states, fields)
  local c
  if fields then c = hmget(ckey(cid), fields) else c = hgetall(ckey(cid)) end
  if not c then return nil, fail('unknown-contact', 'contact ' .. cid .. ' does not exist or has expired') end
  if (OP == 'accept' or OP == 'reject' or OP == 'miss') and (c.state ~= 'OFFERED' or c.agent ~= aid) then
    return nil, fail('offer-expired', 'contact ' .. cid .. ' is not offered to agent ' .. aid .. ' any more')
  end
  if aid and c.agent ~= aid then
    if c.state == 'QUEUED' then
      return nil, fail('offer-expired', 'contact ' .. cid .. ' is not offered to agent ' .. aid .. ' any more')
    end
    return nil, fail('contact-state', 'contact ' .. cid .. ' is not held by agent ' .. aid)
  end
  if not states[c.state] then
    return nil, fail('contact-state', 'contact ' .. cid .. ' is ' .. c.state .. ', which does not allow ' .. OP)
  end
  return c
end

-- timers -----------------------------------------------------------------------------------------

local function missed(cid, c)
  local aid, a = release(cid, c)
  if c.pref == aid then c.prefUntil = 0 call('HSET', ckey(cid), 'prefUntil', '0') end
  call('HINCRBY', ckey(cid), 'ring', fmt(NOW - tonumber(c.offerAt)))
  requeue(cid, c, 'no-answer', aid)
  set_state(aid, a, 'NOT_READY', 'missed', 'no-answer')
  index_agent(aid, a)
  match_queue(c.q)
end

local function fire(member)
  local kind, cid = string.sub(member, 1, 1), string.sub(member, 3)
  call('ZREM', P .. 't', member)
  local c = hgetall(ckey(cid))
  if not c then return end
  if kind == 'o' and c.state == 'OFFERED' and tonumber(c.deadline) <= NOW then
    missed(cid, c)
  elseif kind == 'e' and c.state ~= 'ENDED' then
    if escalate(cid, c) and c.state == 'QUEUED' then match_queue(c.q) end
  elseif kind == 'p' and c.state == 'QUEUED' then
    match_queue(c.q)
  elseif kind == 'm' and c.state == 'QUEUED' and qcfg(c.q).mwf then
    emit({ type = 'fallback', contact = cid, queue = c.q, channel = c.ch, action = qcfg(c.q).mwf })
  elseif kind == 'w' and c.state == 'WRAP_UP' then
    end_contact(cid, c, 'HANDLED', nil, nil)
  end
end

-- writes a profile's routing fields on an agent (operands: id, session, name, capacity, channels, pools,
-- caps, indexed pools per channel, waiting lists), taking it out of what its old fields indexed it in
local function apply_profile(aid, a)
  local name, cap, chans, pools, maxes, indexed, lists = A[3], A[4], A[5], A[6], A[7], A[8], A[9]
  unindex_agent(aid, a)
  -- the separate fields of an agent logged in before 'prof' existed
  local old = { 'ch', 'pools', 'wq' }
  for _, ch in ipairs(CHANNELS) do
    old[#old + 1] = 'max:' .. ch
    old[#old + 1] = 'rp:' .. ch
  end
  call('HDEL', akey(aid), unpack(old))
  for _, field in ipairs(old) do a[field] = nil end
  local prof = cap .. '\n' .. chans .. '\n' .. pools .. '\n' .. maxes .. '\n' .. indexed .. '\n' .. lists
  call('HSET', akey(aid), 'prof', prof, 'name', name, 'cap', cap)
  a.prof, a.name, a.cap = prof, name, cap
  if not a.used then call('HSET', akey(aid), 'used', 0) a.used = 0 end
end

local function disposition_ok(q, disposition)
  local codes = qcfg(q).disp or ''
  return disposition == '' or codes == '' or string.find(codes, ',' .. disposition .. ',', 1, true) ~= nil
end

-- operations -------------------------------------------------------------------------------------

-- the contact fields accept and complete read: the accepted contact's timing, and what completing (and ending,
-- end_contact) it reads and reports; fields that only the matching and requeueing read are left out
local ACCEPT_READS = { 'state', 'agent', 'q', 'ch', 'deadline', 'entry', 'ring', 'offerAt', 'sl' }
local COMPLETE_READS = { 'state', 'agent', 'q', 'ch', 'cust', 'entry', 'answerAt', 'waitMs', 'ring', 'disp', 'notes',
  'pref', 'dec', 'attrs' }

-- one run: sets its state, then does its operation (each a block that returns the reply)
local function run(keys, argv)
  call, tonumber, tostring, type, ipairs, pairs, unpack = redis.call, _G.tonumber, _G.tostring, _G.type, _G.ipairs,
    _G.pairs, _G.unpack
  RUNS = RUNS + 1
  P, OP, NOW = argv[1], argv[2], tonumber(argv[3])
  A = {}
  for i = 5, #argv do A[#A + 1] = argv[i] end
  R = { offers = {}, ended = {} }
  FMT = { [NOW] = argv[3] }
  CFG_KEY, SETTINGS, CFG, QCFG = keys[1], remembered(SETTINGS_OF, argv[4], settings_now), nil, nil
  UNLISTED, NEXT_SEQ = {}, {}


  if OP == 'configure' then
    local conf = cjson.decode(A[1])
    for _, pool in ipairs(split(cfg('pools'))) do call('DEL', P .. 'pq:' .. pool) end
    call('DEL', CFG_KEY)
    for field, value in pairs(conf.cfg) do call('HSET', CFG_KEY, field, tostring(value)) end
    for q, fields in pairs(conf.queues) do
      call('DEL', P .. 'q:' .. q)
      for field, value in pairs(fields) do call('HSET', P .. 'q:' .. q, field, tostring(value)) end
    end
    for pool, queues in pairs(conf.poolQueues) do
      for _, q in ipairs(queues) do call('SADD', P .. 'pq:' .. pool, q) end
    end
    call('HSET', CFG_KEY, 'gen', redis.sha1hex(A[1]))
    return cjson.encode({ ok = true })
  end

  if OP == 'enqueue' then
    local cid, q, ch, cust, prio, entry, pref, attrs = A[1], A[2], A[3], A[4], A[5], A[6], A[7], A[8]
    if not qcfg(q) then return fail('unknown-queue', 'queue ' .. q .. ' is not configured in this center') end
    if call('EXISTS', ckey(cid)) == 1 then return fail('contact-state', 'contact ' .. cid .. ' already exists') end
    if entry == '' then
      -- a new contact enters at the center's latest clock reading, so a node whose clock is behind, or a clock
      -- stepped back, never puts it ahead of contacts that entered before it
      local last = tonumber(call('GET', P .. 'clock') or '0')
      if NOW > last then
        call('SET', P .. 'clock', FMT[NOW])
        last = NOW
      end
      entry = fmt(last)
    end
    local c = { ch = ch, q = q, cust = cust, prio = prio, entry = entry, enq = NOW, state = 'QUEUED', agent = '',
                level = 0, pref = pref, prefUntil = 0, attrs = attrs, ring = 0, sl = qcfg(q).sl }
    if pref ~= '' then
      c.prefUntil = NOW + tonumber(cfg('prefWaitMs'))
      call('ZADD', P .. 't', fmt(c.prefUntil), 'p|' .. cid)
    end
    local fields = {}
    for k, v in pairs(c) do fields[#fields + 1] = k fields[#fields + 1] = type(v) == 'number' and fmt(v) or v end
    call('HSET', ckey(cid), unpack(fields))
    UNLISTED[cid] = true
    qstat(q, 'offered')
    escalate(cid, c)
    local mw = qcfg(q).mw
    if mw and mw ~= '' then call('ZADD', P .. 't', fmt(tonumber(entry) + tonumber(mw)), 'm|' .. cid) end
    changed(cid, c, 'NEW', 'enqueue')
    -- every other waiting contact was matched as far as possible when its agents last changed, so only
    -- the newcomer can have a match now: try it alone (the sweep re-matches whole queues as a safety net);
    -- it joins its waiting lists only if it must wait
    local aid = choose(cid, c)
    if aid then offer(cid, c, aid) elseif UNLISTED[cid] then queue_in(cid, c) end
    return cjson.encode(R)
  end


  if OP == 'login' then
    local aid, session = A[1], A[2]
    local a = hgetall(akey(aid)) or {}
    local previous = a.session or ''
    apply_profile(aid, a)
    call('HSET', akey(aid), 'session', session)
    a.session = session
    if not a.state or a.state == 'OFFLINE' then
      set_state(aid, a, 'NOT_READY', 'login', 'login')
    else
      mark_present(aid, a, true)
    end
    if previous ~= '' and previous ~= session then
      emit({ type = 'session-replaced', session = previous, by = session }, aid)
    end
    index_agent(aid, a)
    match_for_agent(aid)
    R.replaced = previous
    return cjson.encode(R)
  end

  -- a changed profile for an agent logged in now: applied at once, keeping its session, state and contacts
  if OP == 'profile' then
    local aid = A[1]
    local a = hgetall(akey(aid))
    R.applied = false
    if a and a.state and a.state ~= 'OFFLINE' then
      apply_profile(aid, a)
      mark_present(aid, a, true)
      index_agent(aid, a)
      match_for_agent(aid)
      R.applied = true
    end
    return cjson.encode(R)
  end

  if OP == 'presence' then
    local aid, state, reason = A[1], A[2], A[3]
    local a = hgetall(akey(aid))
    if not a or not a.state or a.state == 'OFFLINE' then
      return fail('unknown-agent', 'agent ' .. aid .. ' is not logged in: log in before changing presence')
    end
    local requeued = {}
    if state == 'OFFLINE' then
      for _, cid in ipairs(call('SMEMBERS', akey(aid) .. ':c')) do
        local c = hgetall(ckey(cid))
        if c and c.state == 'OFFERED' then
          local _, held = release(cid, c)
          requeue(cid, c, 'withdrawn', aid)
          requeued[c.q] = true
          a = held
        end
      end
      call('HSET', akey(aid), 'session', '')
    end
    set_state(aid, a, state, reason, 'presence')
    index_agent(aid, a)
    for q in pairs(requeued) do match_queue(q) end
    match_for_agent(aid)
    return cjson.encode(R)
  end

  if OP == 'accept' then
    local cid, aid = A[1], A[2]
    local c, err = contact_for(cid, aid, { OFFERED = true }, ACCEPT_READS)
    if not c then return err end
    if tonumber(c.deadline) < NOW then
      return fail('offer-expired', 'the offer of contact ' .. cid .. ' to agent ' .. aid .. ' expired')
    end
    local wait = NOW - tonumber(c.entry)
    call('HSET', ckey(cid), 'state', 'ACTIVE', 'answerAt', fmt(NOW), 'waitMs', fmt(wait),
      'ring', fmt(tonumber(c.ring or 0) + NOW - tonumber(c.offerAt)))
    call('ZREM', P .. 't', 'o|' .. cid)
    c.state = 'ACTIVE'
    qstat(c.q, 'answered')
    qstat(c.q, 'waitMs', wait)
    if wait <= tonumber(c.sl or qcfg(c.q).sl) then qstat(c.q, 'inSl') end
    changed(cid, c, 'OFFERED', 'accept')
    return cjson.encode(R)
  end

  if OP == 'reject' then
    -- A[3] = 'withdrawn' when the channel failed to present the offer (not the agent's choice): no decline
    local cid, aid, withdrawn = A[1], A[2], A[3] == 'withdrawn'
    local c, err = contact_for(cid, aid, { OFFERED = true })
    if not c then return err end
    local _, a = release(cid, c)
    if not withdrawn then
      call('SADD', ckey(cid) .. ':d', aid)
      call('HSET', ckey(cid), 'dec', '1')
      c.dec = '1'
    end
    call('HINCRBY', ckey(cid), 'ring', fmt(NOW - tonumber(c.offerAt)))
    if c.pref == aid then c.prefUntil = 0 call('HSET', ckey(cid), 'prefUntil', '0') end
    requeue(cid, c, withdrawn and 'withdrawn' or 'reject', aid)
    index_agent(aid, a)
    if not withdrawn then
      -- a withdrawn offer is matched again by the next sweep, not now: the channel that just failed to present
      -- it would most likely fail again at once
      match_queue(c.q)
      match_for_agent(aid)
    end
    return cjson.encode(R)
  end

  if OP == 'miss' then
    local cid, aid = A[1], A[2]
    local c, err = contact_for(cid, aid, { OFFERED = true })
    if not c then return err end
    missed(cid, c)
    return cjson.encode(R)
  end

  if OP == 'abandon' then
    local cid = A[1]
    local c, err = contact_for(cid, nil, { QUEUED = true, OFFERED = true })
    if not c then return err end
    end_contact(cid, c, 'ABANDONED', nil, nil)
    return cjson.encode(R)
  end

  if OP == 'fail' then
    local cid, notes = A[1], A[2]
    local c, err = contact_for(cid, nil, { QUEUED = true, OFFERED = true, ACTIVE = true, WRAP_UP = true })
    if not c then return err end
    end_contact(cid, c, 'FAILED', nil, notes)
    return cjson.encode(R)
  end

  if OP == 'transfer' then
    local cid, aid, target_queue, target_agent = A[1], A[2], A[3], A[4]
    local c, err = contact_for(cid, aid, { ACTIVE = true })
    if not c then return err end
    if target_queue ~= '' and not qcfg(target_queue) then
      return fail('unknown-queue', 'cannot transfer contact ' .. cid .. ' to unknown queue ' .. target_queue)
    end
    if target_queue ~= '' and not string.find(',' .. qcfg(target_queue).ch .. ',', ',' .. c.ch .. ',', 1, true) then
      return fail('unsupported-channel', 'cannot transfer ' .. c.ch .. ' contact ' .. cid .. ' to queue ' .. target_queue
        .. ', which takes only ' .. qcfg(target_queue).ch .. ': transfer it to a queue taking ' .. c.ch)
    end
    local _, a = release(cid, c, true)
    call('DEL', ckey(cid) .. ':d')
    call('HSET', ckey(cid), 'dec', '0')
    c.dec = '0'
    if target_queue ~= '' and target_queue ~= c.q then
      c.q, c.level = target_queue, 0
      call('HSET', ckey(cid), 'q', c.q, 'level', 0)
      qstat(c.q, 'offered')
    end
    if target_agent ~= '' then
      c.pref, c.prefUntil = target_agent, NOW + tonumber(cfg('transferMs'))
      call('HSET', ckey(cid), 'pref', c.pref, 'prefUntil', fmt(c.prefUntil))
    end
    requeue(cid, c, 'transfer', aid)
    escalate(cid, c)
    index_agent(aid, a)
    match_queue(c.q)
    match_for_agent(aid)
    return cjson.encode(R)
  end


  if OP == 'complete' then
    local cid, aid, disposition, notes = A[1], A[2], A[3], A[4]
    local c, err = contact_for(cid, aid, { ACTIVE = true }, COMPLETE_READS)
    if not c then return err end
    if not disposition_ok(c.q, disposition) then
      return fail('invalid-code', 'disposition ' .. disposition .. ' is not one of queue ' .. c.q .. "'s codes " .. qcfg(c.q).disp)
    end
    c.doneAt, c.handleMs = NOW, NOW - tonumber(c.answerAt)
    qstat(c.q, 'handleMs', c.handleMs)
    local wrap = tonumber(qcfg(c.q).wrap or 0)
    if wrap <= 0 then
      end_contact(cid, c, 'HANDLED', disposition, notes)
    else
      c.state = 'WRAP_UP'
      call('HSET', ckey(cid), 'state', 'WRAP_UP', 'disp', disposition, 'notes', notes, 'doneAt', fmt(NOW),
        'handleMs', fmt(c.handleMs))
      call('ZADD', P .. 't', fmt(NOW + wrap), 'w|' .. cid)
      changed(cid, c, 'ACTIVE', 'complete')
    end
    return cjson.encode(R)
  end

  if OP == 'finish' then
    local cid, aid, disposition, notes = A[1], A[2], A[3], A[4]
    local c, err = contact_for(cid, aid, { WRAP_UP = true })
    if not c then return err end
    if not disposition_ok(c.q, disposition) then
      return fail('invalid-code', 'disposition ' .. disposition .. ' is not one of queue ' .. c.q .. "'s codes " .. qcfg(c.q).disp)
    end
    end_contact(cid, c, 'HANDLED', disposition, notes)
    return cjson.encode(R)
  end

  if OP == 'sweep' then
    local due = call('ZRANGEBYSCORE', P .. 't', '-inf', FMT[NOW], 'LIMIT', '0', A[1])
    for _, member in ipairs(due) do fire(member) end
    R.fired = #due
    if #due < tonumber(A[1]) then
      for _, q in ipairs(split(cfg('queues'))) do match_queue(q) end
    end
    local next = call('ZRANGE', P .. 't', '0', '0', 'WITHSCORES')
    if #next > 0 then R.next = tonumber(next[2]) end
    return cjson.encode(R)
  end

  -- records whether a queue is within its business hours; on closing, asks the channels of every
  -- waiting contact to apply the out-of-hours fallback (once per closing, whichever node sees it first)
  if OP == 'hours' then
    local q, state, action = A[1], A[2], A[3]
    local key = P .. 'q:' .. q
    if call('HGET', key, 'hours') == state then return cjson.encode(R) end
    call('HSET', key, 'hours', state)
    R.fallbacks = 0
    if state == 'closed' then
      for _, cid in ipairs(call('ZRANGE', P .. 'we:' .. q, 0, -1)) do
        local ch = call('HGET', ckey(cid), 'ch')
        emit({ type = 'fallback', contact = cid, queue = q, channel = ch, action = action })
        R.fallbacks = R.fallbacks + 1
      end
    end
    return cjson.encode(R)
  end

  -- whether a new contact of the queue and channel could be served: some agent taking the channel is logged
  -- in (READY or NOT_READY) in a pool the queue searches at any escalation level; costs one EXISTS per pool
  if OP == 'staffed' then
    local q, ch = A[1], A[2]
    local qc = qcfg(q)
    if not qc then return fail('unknown-queue', 'queue ' .. q .. ' is not configured in this center') end
    R.staffed = false
    for _, pool in ipairs(pools_of(q, tonumber(qc.n or 0))) do
      if call('EXISTS', lkey(pool, ch)) == 1 then
        R.staffed = true
        break
      end
    end
    return cjson.encode(R)
  end

  if OP == 'backlog' then
    local aid, after, limit = A[1], tonumber(A[2]), A[3]
    local key = akey(aid) .. ':ev'
    local last = tonumber(call('HGET', akey(aid), 'seq') or 0)
    local first = call('XRANGE', key, '-', '+', 'COUNT', 1)
    local out = { events = {}, complete = true, last = last }
    if #first > 0 then
      local oldest = math.max(tonumber(string.match(first[1][1], '^(%d+)')), last - tonumber(cfg('backlog') or 500) + 1)
      if oldest > after + 1 then out.complete = false end
      after = math.max(after, oldest - 1)
    end
    for _, entry in ipairs(call('XRANGE', key, fmt(after + 1) .. '-0', '+', 'COUNT', limit)) do
      out.events[#out.events + 1] = entry[2][2]
    end
    return cjson.encode(out)
  end

  return fail('unknown-operation', 'routing script has no operation ' .. tostring(OP))
end

return run(KEYS, ARGV)
