#!/usr/bin/python3
# tests/ui/test-a11y.py — what a screen reader reads in the schools, agreements and hazard sections
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real app on a demo district (12 schools, this school year's template and
# agreements) and reads it through AT-SPI, as Orca does: every button, toggle, drop-down,
# list row and entry of the sidebar, the header, the schools section and the agreements
# section (its 责任书 and 模板 tabs, the template editor's 条款 and 标题下各行与签署 pages,
# an agreement's detail), the hazard ledger with a new hazard's form, and the education
# section's tabs, has a name that is neither empty, nor a type name (GtkImage,
# GtkMenuButton…), nor a mnemonic read twice (保存(_S) 保存(S)); rows read as what they
# list, with their caption as description.
#
# Run by meson in the ui suite (build-aux/test.sh gives it Xvfb and a session bus, on
# which the accessibility bus starts); prints TAP. Needs /usr/bin/python3 with pyatspi.
# Environment: XIAOAN_APP (the app), XIAOAN_CLI (xiaoan-cli).

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xa_tap import finish, tap  # noqa: E402

CHECKED_ROLES = {
    'push button', 'toggle button', 'combo box', 'list item', 'entry', 'text',
    'password text', 'check box', 'radio button', 'page tab', 'spin button',
    'menu item', 'check menu item', 'radio menu item',
}
TYPE_NAME = re.compile(r'(Gtk|Adw|Xa)[A-Z]\w*')
# 保存(_S), or _Save untranslated: a mnemonic's underscore read aloud.
MNEMONIC = re.compile(r'\(_\w\)|(^|\s)_\w')
# The education section's tabs, in Chinese or, before the catalogue has them, in English.
EDUCATION_TABS = {'安全教育', '演练', '事故', '汇总', '全区一票否决名单',
                  'Education', 'Drills', 'Incidents', 'Summary', 'District Veto List'}
# Wait limits: generous, they only end a test that would otherwise hang.
TIMEOUT = 30


def skip_all(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def wait_for(what, probe):
    """Polls probe until it returns something true, and returns it."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(0.2)


def cli(data_dir, *args):
    env = dict(os.environ, XIAOAN_DATA_DIR=data_dir)
    return subprocess.run([os.environ['XIAOAN_CLI'], *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def make_district(data_dir):
    """12 demo schools, this school year's template (copied forward from the demo's) and a
    draft agreement for each school, so that every list of both sections has rows."""
    cli(data_dir, 'init')
    cli(data_dir, 'demo', '--schools', '12')
    today = datetime.date.today()
    current = today.year if today.month >= 9 else today.year - 1
    years = [int(line.split('\t')[0][:4]) for line in cli(data_dir, 'template', 'list').splitlines()]
    year = max(years)
    while year < current:
        cli(data_dir, 'template', 'next-year', '--year', str(year))
        year += 1
    cli(data_dir, 'agreement', 'generate', '--year', str(current), '--all')
    return json.loads(cli(data_dir, 'school', 'list', '--json'))


# Reading the tree

class Node:
    """One accessible, read once: its role, name, description and where it is."""

    def __init__(self, accessible, path, in_combo):
        self.accessible = accessible
        self.role = accessible.getRoleName()
        self.name = accessible.name or ''
        self.description = accessible.description or ''
        self.path = path
        self.in_combo = in_combo

    def __repr__(self):
        where = ' > '.join(f'{r} {n!r}' if n else r for r, n in self.path[-3:])
        return f"[{self.role}] {self.name!r} desc={self.description!r} in {where}"


def read_tree(root):
    nodes = []

    def walk(accessible, path, in_combo):
        try:
            node = Node(accessible, path, in_combo)
            children = list(accessible)
        except Exception:  # a node gone while reading: the next read sees the new one
            return
        nodes.append(node)
        below = path + [(node.role, node.name)]
        for child in children:
            if child is not None:
                walk(child, below, in_combo or node.role == 'combo box')

    walk(root, [], False)
    return nodes


def bad_name(name):
    """Why a name is not a name a person can use, or None."""
    if name.strip() == '':
        return 'no name'
    if TYPE_NAME.fullmatch(name):
        return 'a type name'
    if MNEMONIC.search(name):
        return 'an underscore read aloud'
    if re.fullmatch(r'(.+) \1', name.replace('_', '')):
        return 'read twice'
    return None


def check_names(description, nodes):
    """Every control has a name. A drop-down's options, in its closed popup, are read
    through the drop-down's own name and value."""
    problems = []
    count = 0
    unshown = 0
    for node in nodes:
        if node.role not in CHECKED_ROLES or (node.in_combo and node.role == 'list item'):
            continue
        why = bad_name(node.name)
        if why and node.role == 'list item' and never_shown(node):
            # A list view's row is named when it is first shown (xa_list_row_mapped):
            # one in a page never shown yet is out of a screen reader's reach.
            unshown += 1
            continue
        count += 1
        if why:
            problems.append(f"{why}: {node!r}")
    tap(count > 0 and not problems,
        f"{description}: {count} controls, each with a proper name"
        + (f" ({unshown} rows of a page not shown yet left out)" if unshown else ''),
        problems[:40] + ([f"… and {len(problems) - 40} more"] if len(problems) > 40 else []))


def never_shown(node):
    import pyatspi
    extents = node.accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.width == 0 and extents.height == 0


def find(nodes, role=None, name=None, description=None):
    return [n for n in nodes
            if (role is None or n.role == role)
            and (name is None or n.name == name)
            and (description is None or description in n.description)]


def expect(description, nodes, role, name, desc=None):
    hits = find(nodes, role, name, desc)
    near = [repr(n) for n in nodes if n.name == name or (desc and desc in n.description)][:5]
    tap(len(hits) > 0, f"{description}: [{role}] {name!r}" + (f" described by {desc!r}" if desc else ''),
        [] if hits else ['found instead:'] + near)
    return hits[0] if hits else None


def rows_of(nodes, list_name):
    """The rows of the list view called list_name: the list items right under it. (A
    list view scrolls; a boxed list of the same name, such as the school form's 学校,
    does not.)"""
    return [n for n in nodes if n.role == 'list item' and len(n.path) > 1
            and n.path[-1] == ('list', list_name) and n.path[-2][0] == 'scroll pane']


def press(node):
    """Activates node through its action, or with the mouse when it has none (the rows
    of a list)."""
    try:
        action = node.accessible.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        names = []
    for i, name in enumerate(names):
        if name in ('click', 'activate', 'toggle'):
            action.doAction(i)
            return
    click(node)


def click(node):
    """A mouse click at the middle of node: rows of a list view have no action. Without
    a window manager the window is at the screen's origin, so window coordinates do."""
    import pyatspi
    extents = node.accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'], check=True)


def main():
    if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip_all('needs a display and a session bus (build-aux/test.sh gives both)')
    try:
        import pyatspi
    except ImportError:
        skip_all('python3-pyatspi is not installed')
    if shutil.which('xdotool') is None:
        skip_all('xdotool is not installed')

    data_dir = tempfile.mkdtemp(prefix='xiaoan-a11y-')
    schools = make_district(data_dir)

    # The operator is known, as after the first start: the app asks for it otherwise.
    config_dir = os.path.join(data_dir, 'config')
    os.makedirs(os.path.join(config_dir, 'glib-2.0', 'settings'))
    with open(os.path.join(config_dir, 'glib-2.0', 'settings', 'keyfile'), 'w', encoding='utf-8') as keyfile:
        keyfile.write("[io/github/xiaoan/Xiaoan]\noperator-name='测试员'\n")
    env = dict(os.environ, XIAOAN_DATA_DIR=data_dir, LANG='zh_CN.UTF-8', LANGUAGE='zh_CN',
               GSK_RENDERER='cairo', GSETTINGS_BACKEND='keyfile', XDG_CONFIG_HOME=config_dir)
    # The ui suite turns accessibility off for the C tests; this one is about it.
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    app = subprocess.Popen([os.environ['XIAOAN_APP']], env=env)
    try:
        run(pyatspi, schools, app)
    except Exception as error:  # a hang or a crash is one failure, with its reason
        tap(False, f"the walk went through: {error!r}")
    finally:
        app.terminate()
        try:
            app.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        shutil.rmtree(data_dir, ignore_errors=True)
    sys.exit(finish())


def run(pyatspi, schools, process):
    def app_node():
        for accessible in pyatspi.Registry.getDesktop(0):
            if accessible is not None and accessible.name == 'xiaoan' and accessible.childCount > 0:
                return accessible
        return None

    try:
        app = wait_for('the app on the accessibility bus', app_node)
    except TimeoutError as error:
        # Once seen in CI and never again: say what the bus held and whether the app
        # still ran, so that the next time tells why.
        seen = [f'{a.name!r} ({a.childCount} children)'
                for a in pyatspi.Registry.getDesktop(0) if a is not None]
        state = 'running' if process.poll() is None else f'exited with {process.returncode}'
        raise TimeoutError(f'{error}; the app was {state}; the bus held {seen or "nothing"}') from None

    def tree_with(what, test):
        """The tree once test(nodes) holds: pages fill after a click, not at once."""
        found = []

        def probe():
            nodes = read_tree(app)
            if test(nodes):
                found.append(nodes)
                return True
            return False

        wait_for(what, probe)
        return found[0]

    names = {s['name']: s for s in schools}

    # The sidebar, the header and the schools section, shown first.
    nodes = tree_with('the school list', lambda n: len(rows_of(n, '学校')) == len(schools))
    check_names('sidebar, header and schools', nodes)
    tap({'学校', '责任书'} <= {n.name for n in find(nodes, 'list item')},
        'the sidebar rows read as their sections (学校, 责任书)')
    expect('the main menu', nodes, 'push button', '主菜单')
    expect('the new school button (icon only)', nodes, 'push button', '新建学校')
    expect('the school search', nodes, 'entry', '搜索学校')
    expect('the school form saves with a name read once', nodes, 'push button', '保存(S)')
    rows = rows_of(nodes, '学校')
    wrong = [repr(r) for r in rows if r.name not in names or names[r.name]['code'] not in r.description]
    tap(rows and not wrong, f'the {len(rows)} school rows read as the school, described by its code and type',
        wrong[:10])

    # The agreements section: the 责任书 tab.
    press(find(nodes, 'list item', '责任书')[0])
    nodes = tree_with('the agreement list', lambda n: len(rows_of(n, '责任书')) == len(schools))
    check_names('agreements: the list of agreements', nodes)
    expect('the year drop-down reads as its purpose', nodes, 'combo box', '学年度')
    toggles = [n for n in find(nodes, 'push button', '学年度') if n.path[-1] == ('combo box', '学年度')]
    tap(toggles and '学年度' in toggles[0].description,
        "the year drop-down's button, which takes the focus, reads 学年度 and the year shown",
        [repr(n) for n in nodes if n.path and n.path[-1] == ('combo box', '学年度')][:3])
    expect('the generate menu (icon only)', nodes, 'push button', '生成责任书')
    expect('the export button (icon only)', nodes, 'push button', '全部导出为 PDF…')
    rows = rows_of(nodes, '责任书')
    wrong = [repr(r) for r in rows if r.name not in names or '第 1 版' not in r.description
             or '草稿' not in r.description]
    tap(rows and not wrong, f'the {len(rows)} agreement rows read as the school, described by revision and state',
        wrong[:10])

    # An agreement's detail.
    click(rows[0])
    nodes = tree_with("an agreement's detail", lambda n: find(n, 'push button', '提交待签'))
    check_names("agreements: an agreement's detail", nodes)
    expect("the detail's print button", nodes, 'push button', '打印(P)…')
    expect("the detail's export button", nodes, 'push button', '导出 PDF(E)…')

    # The 模板 tab: the template list and the editor's 条款 page.
    press(find(nodes, 'page tab', '模板')[0])
    nodes = tree_with('the clause tree', lambda n: rows_of(n, '条款')
                      and all(r.name for r in rows_of(n, '条款')))
    check_names('agreements: templates, the 条款 page', nodes)
    templates = rows_of(nodes, '模板')
    tap(templates and all(t.name and '学年度' in t.description for t in templates),
        'the template rows read as the template, described by its year and version',
        [repr(t) for t in templates][:5])
    clauses = rows_of(nodes, '条款')
    tap(any(c.name.startswith('一、') for c in clauses),
        'the clause rows read as their number and heading (一、 …)', [repr(c) for c in clauses][:8])
    for name in ('添加条款', '删除条款', '上移', '下移', '移动条文', '模板选项'):
        expect('the clause tools (icon only)', nodes, 'push button', name)

    # The editor's 标题下各行与签署 page.
    press(find(nodes, 'page tab', '标题下各行与签署')[0])
    nodes = tree_with('the form page', lambda n: find(n, 'push button', '删除该方'))
    check_names('agreements: templates, the 标题下各行与签署 page', nodes)
    for name in ('在标题下添加一行', '删除该行', '添加签字或填写行', '删除该方'):
        expect('the form tools (icon only)', nodes, 'push button', name)

    # The hazard ledger: its filters over the empty ledger, then the form of a new hazard,
    # every field of it named as the ledger's column.
    press(find(nodes, 'list item', '隐患台账')[0])
    nodes = tree_with('the hazard ledger', lambda n: find(n, 'entry', '搜索隐患'))
    check_names('hazards: the ledger and its filters', nodes)
    expect('the new hazard button (icon only)', nodes, 'push button', '新增隐患（Ctrl+N）')
    expect('the school filter reads as what it chooses', nodes, 'push button', '学校：全部学校')
    expect('the state filter reads as its purpose', nodes, 'combo box', '状态')
    press(find(nodes, 'push button', '新增隐患（Ctrl+N）')[0])
    nodes = tree_with("a new hazard's form", lambda n: find(n, 'text', '隐患描述'))
    check_names("hazards: a new hazard's form", nodes)
    for role, name in (('text', '发现人'), ('text', '隐患部位'), ('text', '隐患描述'), ('text', '整改措施'),
                       ('text', '整改时限'), ('push button', '保存(S)'), ('push button', '取消(C)')):
        expect("the form's fields read as the ledger's columns", nodes, role, name)
    subprocess.run(['xdotool', 'key', 'Escape'], check=True)

    # The education section: its sessions with their coverage and filters, its tabs, and
    # the school year's summary with its level bars and charts.
    press(find(nodes, 'list item', '教育与演练')[0])
    nodes = tree_with('the education section', lambda n: find(n, 'combo box', '学校'))
    check_names('education: the sessions, their coverage and filters', nodes)
    tabs = [n for n in nodes if n.name in EDUCATION_TABS and n.role in ('page tab', 'toggle button', 'push button', 'radio button')
            and not never_shown(n)]
    tap(len(tabs) >= 4, 'education: its tabs are read by name', [n.name for n in tabs])
    # The year's summary, with its level bars and charts (one tab: reading the whole
    # tree again for each would outlast the test's time).
    summary = [n for n in tabs if n.name in ('汇总', 'Summary')]
    if summary:
        press(summary[0])
        nodes = tree_with("the school year's summary, its charts drawn",
                          lambda n: find(n, 'image', '受教育面') or find(n, 'image', 'Education coverage'))
        check_names("education: the school year's summary", nodes)

    # The main menu, and the shortcuts window it opens under the same name.
    press(find(nodes, 'push button', '主菜单')[-1])
    nodes = tree_with('the main menu', lambda n: find(n, 'menu item'))
    check_names('the main menu', nodes)
    items = [n.name for n in find(nodes, 'menu item')]
    item = next((i for i in items if i.startswith('键盘快捷键')), None)
    tap(item is not None, 'the main menu offers 键盘快捷键', items)
    subprocess.run(['xdotool', 'key', 'Escape'], check=True)
    frame = app[0]
    action = frame.queryAction()
    action.doAction([action.getName(i) for i in range(action.nActions)].index('win.show-help-overlay'))
    windows = wait_for('the shortcuts window', lambda: [w.name for w in app if w is not None][1:])
    title = re.sub(r'\(\w\)$', '', item or '')
    tap(title in windows, f'the shortcuts window is titled as the menu names it ({title})', windows)
    shortcuts = [w for w in app if w is not None and w.name == title]
    labels = {n.name for n in read_tree(shortcuts[0]) if n.role == 'label'} if shortcuts else set()
    tap(title in labels and '快捷操作' not in labels, f'its header says {title} too, not 快捷操作',
        sorted(l for l in labels if not l.isascii())[:12])


if __name__ == '__main__':
    main()
