/* Title suggestions as the visitor types in a search box (progressive enhancement: without this script the
   boxes are ordinary search forms). Every form[role=search] with a text input gets a listbox fed by
   <form action>autocomplete/?query=…, following the ARIA combobox pattern: arrows move, Enter opens, Escape closes. */
(function () {
    "use strict";
    var script = document.currentScript;
    var DELAY = 150;
    var MIN_LENGTH = 2;
    var counter = 0;

    function addStylesheet() {
        var href = script && script.getAttribute("data-stylesheet");
        if (!href || document.querySelector('link[href="' + href + '"]')) { return; }
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
    }

    function enhance(form) {
        var input = form.querySelector('input[type="search"], input[name="query"]');
        if (!input || input.hasAttribute("aria-controls")) { return; }
        var endpoint = (form.getAttribute("action") || window.location.pathname).replace(/\/?$/, "/") + "autocomplete/";
        var listId = "autocomplete-list-" + (++counter);
        var list = document.createElement("ul");
        var wrapper = input.parentNode;
        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;

        list.id = listId;
        list.className = "autocomplete__list";
        list.setAttribute("role", "listbox");
        list.hidden = true;
        wrapper.classList.add("autocomplete");
        input.insertAdjacentElement("afterend", list);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            options = [];
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(results) {
            close();
            if (!results.length) { return; }
            results.forEach(function (result, i) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                var kind = document.createElement("small");
                item.setAttribute("role", "presentation");
                link.id = listId + "-" + i;
                link.className = "autocomplete__option";
                link.setAttribute("role", "option");
                link.setAttribute("aria-selected", "false");
                link.setAttribute("tabindex", "-1");
                link.href = result.url;
                link.textContent = result.title;
                kind.textContent = result.kind;
                link.appendChild(kind);
                item.appendChild(link);
                list.appendChild(item);
                options.push(link);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function fetchSuggestions() {
            var typed = input.value.trim();
            if (typed.length < MIN_LENGTH) { close(); return; }
            if (controller) { controller.abort(); }
            controller = window.AbortController ? new AbortController() : null;
            fetch(endpoint + "?query=" + encodeURIComponent(typed), {
                headers: { "Accept": "application/json" },
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : { results: [] };
            }).then(function (data) {
                if (input.value.trim() === typed) { show(data.results || []); }
            }).catch(function () { /* aborted or offline: the form still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") {
                event.preventDefault();
                highlight((active + 1) % options.length);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Escape") {
                close();
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = options[active].href;
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    function init() {
        addStylesheet();
        Array.prototype.forEach.call(document.querySelectorAll('form[role="search"]'), enhance);
    }

    if (!window.fetch) { return; }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
