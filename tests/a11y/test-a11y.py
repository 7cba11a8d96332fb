#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Glucotwin through AT-SPI, as a screen-reader or keyboard-only user meets it: every control
has an accessible name, the chart says what it draws, and an intervention can be added with
the keyboard alone.   test-a11y.py GLUCOTWIN"""
import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi

TAP = []


def result(ok, what):
    TAP.append((ok, what))
    print(f"{'ok' if ok else 'not ok'} {len(TAP)} - {what}", flush=True)


def wait_for(predicate, timeout=30.0):
    end = time.time() + timeout
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    return None


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == 'glucotwin':
            return app
    return None


def descendants(node):
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is None:
            continue
        yield child
        yield from descendants(child)


def showing(node):
    """GTK 4.8 reports no SHOWING state: visible, with a size (a closed popover's rows have none)."""
    try:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ext.width > 0 and ext.height > 0
    except Exception:
        return False


def find(root, role=None, name=None):
    for node in descendants(root):
        try:
            if (role is None or node.getRoleName() == role) and (name is None or node.name == name):
                return node
        except Exception:
            continue
    return None


def focused(root):
    for node in descendants(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.15)


TAB, RETURN, DOWN, SPACE = 0xff09, 0xff0d, 0xff54, 0x20
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box',
            'spin button', 'text', 'entry', 'slider', 'switch', 'menu item', 'list item'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Gtw)[A-Z]')


def main():
    # A state folder of its own: no autosave of another run offered back over the window.
    state = tempfile.TemporaryDirectory()
    env = dict(os.environ, GTK_A11Y='atspi', XDG_STATE_HOME=state.name)
    app_proc = subprocess.Popen([sys.argv[1], '--preset', 'progressor'], env=env)
    try:
        print('1..4', flush=True)
        app = wait_for(find_app, 60)
        if app is None:
            result(False, 'the app appears on the accessibility bus')
            return
        frame = wait_for(lambda: find(app, role='frame'), 30)
        # Let the first run finish so that the chart has something to describe.
        time.sleep(3)

        unnamed = []
        checked = 0
        for node in descendants(frame):
            try:
                role, name = node.getRoleName(), node.name or ''
            except Exception:
                continue
            if role in CONTROLS and showing(node):
                checked += 1
                if role == 'list item':
                    # A row is read out by its content: it needs a named descendant.
                    name = next((c.name for c in descendants(node)
                                 if c.name and not TYPE_NAME.match(c.name)), '')
                if not name.strip() or TYPE_NAME.match(name):
                    chain, up = [], node.parent
                    while up is not None and up.getRoleName() != 'frame':
                        if up.name:
                            chain.append(up.name)
                        up = up.parent
                    kids = ', '.join(repr(c.name) for c in descendants(node) if c.name)[:80]
                    unnamed.append(f'{role} {name!r} ({node.description!r}) in {" < ".join(chain)} [{kids}]')
        result(checked >= 20 and not unnamed,
               f'every visible control has an accessible name ({checked} controls)')
        for u in unnamed:
            print(f'#   no name: {u}')

        chart = find(frame, role='image', name='Chart')
        description = chart.description if chart is not None else ''
        result('glucose' in description.lower() and 'insulin' in description.lower(),
               'the chart has a description of what it draws')
        print(f'#   chart: {description!r}')

        timeline = find(frame, name='Intervention timeline')
        before = timeline.description if timeline is not None else None
        result(timeline is not None, 'the timeline is on the accessibility tree')

        # Keyboard only: put the pointer aside (no window manager here: focus follows the
        # pointer), Tab to "Add Intervention", open it, choose the first type.
        ext = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + 10, 'abs')
        target = None
        for _ in range(80):
            press(TAB)
            node = focused(frame)
            if node is not None and node.name == 'Add Intervention':
                target = node
                break
        if target is not None:
            press(SPACE)
            time.sleep(0.5)
            press(DOWN)
            press(RETURN)
        after = wait_for(lambda: timeline.description if timeline.description != before else None, 15)
        result(target is not None and after is not None,
               'an intervention is added with the keyboard alone')
        print(f'#   timeline before: {before!r}; after: {after!r}')
    finally:
        app_proc.terminate()
        try:
            app_proc.wait(10)
        except subprocess.TimeoutExpired:
            app_proc.kill()
    sys.exit(0 if all(ok for ok, _ in TAP) else 1)


main()
