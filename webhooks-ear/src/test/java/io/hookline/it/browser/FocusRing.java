package io.hookline.it.browser;

/**
 * Scripts for the keyboard checks: which controls a part of the page has, and whether the focused one shows a
 * ring (an outline or box-shadow at least 2 px wide) whose colour stands out 3:1 from the background behind it.
 * PrimeFaces' menus and radio buttons take focus on a visually hidden input and show it on their widget
 * ({@code ui-state-focus}): there the widget's ring counts.
 */
final class FocusRing {

    private FocusRing() {}

    /** parseColor, luminance, contrast and backgroundBehind, for the scripts below (and the dark-scheme check). */
    static final String JS_HELPERS = """
            function parseColor(text) {
              var m = String(text).match(/rgba?\\(([^)]*)\\)/);
              if (!m) { return [255, 255, 255, 0]; }
              var p = m[1].split(/[\\s,\\/]+/).filter(function (s) { return s.length; }).map(parseFloat);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            }
            function luminance(c) {
              var f = function (v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
            }
            function contrast(a, b) {
              var x = luminance(a), y = luminance(b);
              return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
            }
            function backgroundBehind(el) {
              for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
                var c = parseColor(getComputedStyle(e).backgroundColor);
                if (c[3] > 0.5) { return c; }
              }
              return [255, 255, 255, 1];
            }
            """;

    /** Marks every focusable element of the page; returns the keys of those under the selector in arguments[0]. */
    static final String MARK = """
            var selector = 'a[href], button, input, select, textarea, [tabindex]';
            var n = 0;
            document.querySelectorAll(selector).forEach(function (el) {
              if (!el.getAttribute('data-a11y-key')) { el.setAttribute('data-a11y-key', el.id || ('focusable-' + (n++))); }
            });
            var keys = [];
            document.querySelectorAll(arguments[0]).forEach(function (root) {
              root.querySelectorAll(selector).forEach(function (el) {
                if (el.disabled || el.getAttribute('tabindex') === '-1' || el.type === 'hidden' || el.type === 'radio') { return; }
                if (el.closest('.ui-helper-hidden, [aria-hidden="true"]')) { return; }
                var hidden = el.closest('.ui-helper-hidden-accessible');
                var box = hidden ? hidden.parentElement : el;
                if (!box.getClientRects().length || getComputedStyle(box).visibility === 'hidden') { return; }
                var key = el.getAttribute('data-a11y-key');
                if (keys.indexOf(key) < 0) { keys.push(key); }
              });
            });
            return keys;
            """;

    /** The focused element's key and what is wrong with its ring (null when it is fine). */
    static final String STATE = """
            var el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) { return {key: null, problem: null}; }
            var key = el.getAttribute('data-a11y-key')
                || ('unmarked ' + el.tagName + ' ' + (el.textContent || '').trim().slice(0, 30));
            var target = el;
            var hidden = el.closest('.ui-helper-hidden-accessible');
            if (hidden) {
              var widget = hidden.parentElement;
              target = widget.classList.contains('ui-state-focus') ? widget : widget.querySelector('.ui-state-focus');
              if (!target) { return {key: key, problem: 'its widget shows no focus'}; }
            }
            var s = getComputedStyle(target);
            var color = null;
            if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) {
              color = s.outlineColor;
            } else if (s.boxShadow && s.boxShadow !== 'none') {
              var m = s.boxShadow.match(/(rgba?\\([^)]*\\))\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px/);
              if (m && parseFloat(m[5]) >= 2) { color = m[1]; }
            }
            if (!color) {
              return {key: key, problem: 'no ring (outline ' + s.outlineStyle + ' ' + s.outlineWidth + ', box-shadow ' + s.boxShadow + ')'};
            }
            var ring = parseColor(color);
            var behind = backgroundBehind(target.parentElement);
            var ratio = contrast(ring, behind);
            if (ring[3] < 0.9 || ratio < 3) {
              return {key: key, problem: 'ring ' + color + ' on rgb(' + behind.slice(0, 3) + ') is ' + ratio.toFixed(2) + ':1'};
            }
            return {key: key, problem: null};
            """;
}
