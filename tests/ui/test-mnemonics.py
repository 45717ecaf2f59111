#!/usr/bin/python3
# tests/ui/test-mnemonics.py — no two mnemonics alike on one page or in one menu
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Alt+S must do one thing. Reads the .ui files of src/ui/ (its section folders too) and resources/ (their menus, and
# the buttons, labels, rows and dialog responses with use-underline) and fails when two
# labels of one menu, or of one page, share a mnemonic letter, in English or in Chinese
# (保存(_S) and 指派职务(_S) on the school page).
#
# A page is a template with the templates of the widgets it holds (XaSchoolDetail holds
# XaSchoolPeople); two pages of one stack are never shown together, so they may share a
# letter. Prints TAP. Environment: XIAOAN_LOCALEDIR (the built .mo files), G_TEST_SRCDIR
# (tests/).

import gettext
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xa_tap import finish, tap  # noqa: E402

SOURCE = os.path.normpath(os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__) + '/..'), '..'))
STACKS = {'GtkStack', 'AdwViewStack'}
# Widgets whose label or title takes a mnemonic when use-underline is set.
LABEL_PROPERTIES = ('label', 'title')
MNEMONIC = re.compile(r'_([^_])')


def letter(text):
    match = MNEMONIC.search(text.replace('__', ''))
    return match.group(1).lower() if match else None


class Label:
    def __init__(self, source, text, branches):
        self.source = source
        self.text = text
        self.branches = branches  # {stack element: index of the child it is in}

    def shown_with(self, other):
        """Whether both can be on screen at once: no stack shows one and not the other."""
        return all(other.branches.get(stack, index) == index for stack, index in self.branches.items())


def properties(obj):
    return {p.get('name'): p for p in obj.findall('property')}


def is_true(element):
    return element is not None and (element.text or '').strip().lower() in ('true', '1', 'yes')


def collect(element, source, templates, branches, labels, seen):
    """The labels with a mnemonic under element, each with the stack pages it is in."""
    if element.tag in ('object', 'template'):
        props = properties(element)
        if is_true(props.get('use-underline')):
            for name in LABEL_PROPERTIES:
                prop = props.get(name)
                if prop is not None and prop.get('translatable') == 'yes' and prop.text:
                    labels.append(Label(source, prop.text, branches))
        responses = element.find('responses')
        if responses is not None:
            for response in responses.findall('response'):
                if response.get('translatable') == 'yes' and response.text:
                    labels.append(Label(source, response.text, branches))
        # A widget with a template of its own brings that template's labels.
        cls = element.get('class')
        if element.tag == 'object' and cls in templates and cls not in seen:
            tsource, template = templates[cls]
            collect(template, tsource, templates, branches, labels, seen | {cls})

    children = [c for c in element if c.tag == 'child']
    stack = element.tag == 'object' and element.get('class') in STACKS
    for child in element:
        if child.tag == 'menu':
            continue
        below = branches
        if stack and child.tag == 'child':
            below = dict(branches)
            below[element] = children.index(child)
        collect(child, source, templates, below, labels, seen)


def menu_labels(menu, source):
    """The items of one menu level (its sections together); submenus are menus of their own."""
    labels = []
    submenus = []

    def walk(element):
        for child in element:
            if child.tag in ('section',):
                walk(child)
            elif child.tag == 'submenu':
                submenus.append(child)
                labels.append(Label(source, label_attribute(child), {}))
            elif child.tag == 'item':
                text = label_attribute(child)
                if text:
                    labels.append(Label(source, text, {}))

    walk(menu)
    return labels, submenus


def label_attribute(element):
    for attribute in element.findall('attribute'):
        if attribute.get('name') == 'label' and attribute.get('translatable') == 'yes':
            return attribute.text or ''
    return ''


def duplicates(labels, translate):
    found = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            la, lb = letter(translate(a.text)), letter(translate(b.text))
            if la and la == lb and a.text != b.text and a.shown_with(b):
                found.append(f"{translate(a.text)} ({a.source}) and {translate(b.text)} ({b.source}): Alt+{la.upper()}")
    return found


def main():
    files = sorted(glob.glob(os.path.join(SOURCE, 'src', 'ui', '**', '*.ui'), recursive=True)
                   + glob.glob(os.path.join(SOURCE, 'resources', '**', '*.ui'), recursive=True))
    if not files:
        print('1..0 # SKIP no .ui files found')
        return 0

    trees = {os.path.relpath(f, SOURCE): ET.parse(f).getroot() for f in files}
    templates = {}
    for source, root in trees.items():
        for template in root.findall('template'):
            templates[template.get('class')] = (source, template)

    catalogues = [('English', lambda s: s)]
    localedir = os.environ.get('XIAOAN_LOCALEDIR')
    if localedir:
        zh = gettext.translation('xiaoan', localedir=localedir, languages=['zh_CN'], fallback=True)
        catalogues.append(('Chinese', zh.gettext))

    groups = []  # (what, labels)
    for source, root in trees.items():
        for element in root:
            if element.tag in ('template', 'object'):
                labels = []
                collect(element, source, templates, {}, labels, {element.get('class')})
                groups.append((f"the page {element.get('class')} ({source})", labels))
        menus = list(root.iter('menu'))
        while menus:
            menu = menus.pop()
            labels, submenus = menu_labels(menu, source)
            menus.extend(submenus)
            groups.append((f"the menu {menu.get('id') or label_attribute(menu)} ({source})", labels))

    for language, translate in catalogues:
        for what, labels in groups:
            if len(labels) < 2:
                continue
            found = duplicates(labels, translate)
            tap(not found, f"{language}: {len(labels)} mnemonics of {what} are unique", found)

    return finish()


if __name__ == '__main__':
    sys.exit(main())
