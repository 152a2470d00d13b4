import json, sys
c = json.load(open('/work/bank-staging/contract.json'))
M = {m['id'] for m in c['measures']}
F = c['facts']
NEW = {'under18': 'boolean', 'decisionExists': 'boolean', 'decisionDate': 'string', 'holdMinutes': 'number', 'dangerToOthers': 'boolean'}
QT = {'registration_deadline','who_registers_reports','complaint','max_duration','who_decides','is_force','target_group','relatives_informed','action_plan','definition','old_rules','other'}
bad = 0; n = 0
def err(i, msg):
    global bad; bad += 1; print(f'line {i}: {msg}')
for path in sys.argv[1:]:
  for i, line in enumerate(open(path, encoding='utf-8'), 1):
    if not line.strip(): continue
    n += 1
    try: o = json.loads(line)
    except Exception as e: err(i, f'invalid JSON: {e}'); continue
    for k in ('id','writer','scenario','turns','expect'):
        if k not in o: err(i, f'missing {k}')
    t = o.get('turns') or []
    if not t or not all(isinstance(x, dict) and isinstance(x.get('message'), str) and x['message'].strip() for x in t): err(i, 'turns must be [{message}]')
    e = o.get('expect', {})
    r = e.get('route')
    if r not in ('rule_evaluator','retrieval','out_of_scope'): err(i, f'bad route {r}')
    if 'measure' in e and e['measure'] not in M: err(i, f'bad measure {e["measure"]}')
    if r == 'rule_evaluator':
        if 'measure' not in e: err(i, 'rule_evaluator needs measure')
        if e.get('outcome') not in c['outcomes']: err(i, f'bad outcome {e.get("outcome")}')
        if e.get('tense') not in ('planned','past'): err(i, 'rule_evaluator needs tense planned|past')
    if r == 'retrieval' and e.get('questionType') not in QT: err(i, f'bad questionType {e.get("questionType")}')
    for k, v in (e.get('facts') or {}).items():
        if k in NEW:
            ok = {'boolean': isinstance(v, bool), 'number': isinstance(v, (int,float)) and not isinstance(v,bool), 'string': isinstance(v, str)}[NEW[k]]
            if not ok: err(i, f'fact {k} must be {NEW[k]}')
            continue
        if k not in F: err(i, f'unknown fact {k}'); continue
        d = F[k]
        if d.get('values') and v not in d['values']: err(i, f'fact {k}: {v!r} not in {d["values"]}')
        elif d.get('type') == 'boolean' and not isinstance(v, bool): err(i, f'fact {k} must be boolean')
        elif d.get('type') in ('number','integer') and (isinstance(v,bool) or not isinstance(v,(int,float))): err(i, f'fact {k} must be a number')
    for tt in t:
        cx = tt.get('context')
        if cx and cx.get('measure') and cx['measure'] not in M: err(i, 'bad context.measure')
print(f'{n} lines, {bad} problems')
sys.exit(1 if bad else 0)
