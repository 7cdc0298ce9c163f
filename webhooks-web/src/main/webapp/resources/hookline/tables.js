/* Hookline console (issue 21): a table wider than its card scrolls sideways inside its own container. Such a
   container is made reachable by keyboard (tabindex=0, so arrow keys scroll it) and named after its card's heading,
   and only while it really scrolls: a table that fits adds no tab stop. Its edge fades on the side where columns are
   out of sight, so a phone user sees there is more. Loaded as a file (the CSP forbids inline
   script) on every console page. */
(function () {
    "use strict";

    var SCROLLERS = ".ui-datatable-tablewrapper, .post-body table, .attachment table, .try-preview";

    function nameOf(box) {
        var card = box.closest(".card, section, form");
        var heading = card ? card.querySelector("h2") : null;
        if (!heading) {
            heading = document.querySelector(".page-title");
        }
        var text = heading ? heading.textContent.replace(/\s+/g, " ").trim() : "";
        return (text ? text + ": " : "") + "table, scrolls sideways";
    }

    /* The visual cue that a table goes on past its card: data-scroll-more names the side(s) with columns out of
       sight ("right", "left", "both"), and console.css fades that edge. Kept up to date while the box scrolls. */
    function showMore(box, scrolls) {
        var right = scrolls && box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
        var left = scrolls && box.scrollLeft > 1;
        var more = right && left ? "both" : right ? "right" : left ? "left" : null;
        if (more === null) {
            box.removeAttribute("data-scroll-more");
        } else if (box.getAttribute("data-scroll-more") !== more) {
            box.setAttribute("data-scroll-more", more);
        }
        if (scrolls && !box.hasAttribute("data-scroll-watched")) {
            box.setAttribute("data-scroll-watched", "");
            box.addEventListener("scroll", function () {
                showMore(box, box.scrollWidth > box.clientWidth + 1);
            }, {passive: true});
        }
    }

    function mark() {
        document.querySelectorAll(SCROLLERS).forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            showMore(box, scrolls);
            var ours = box.getAttribute("data-scroll-region") === "auto";
            if (scrolls && !box.hasAttribute("tabindex")) {
                box.setAttribute("tabindex", "0");
                box.setAttribute("role", "region");
                box.setAttribute("aria-label", nameOf(box));
                box.setAttribute("data-scroll-region", "auto");
            } else if (!scrolls && ours) {
                box.removeAttribute("tabindex");
                box.removeAttribute("role");
                box.removeAttribute("aria-label");
                box.removeAttribute("data-scroll-region");
            }
        });
    }

    var pending = false;

    function later() {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(function () {
                pending = false;
                mark();
            });
        }
    }

    function start() {
        mark();
        window.addEventListener("resize", later);
        // Ajax updates (PrimeFaces replaces a form's table) and opened <details> bring new tables.
        new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
        document.addEventListener("toggle", later, true);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
