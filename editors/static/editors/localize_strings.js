/*
 * wagtail-localize 1.14.5's translation editor (a React bundle) writes two texts as literals, not through gettext:
 * each tab's heading "<source> to <target> translation" and the footer's screen-reader label "More actions".
 * The page carries their translations in the admin's language (#editors-localize-strings, written by
 * editors/templates/wagtail_localize/admin/edit_translation.html); this replaces exactly those texts, when the
 * editor first draws them and whenever React draws them again. See site/locale_admin/README.md.
 */
(() => {
    const data = document.getElementById("editors-localize-strings");
    if (!data) {
        return;
    }
    const strings = new Map(Object.entries(JSON.parse(data.textContent)));
    const ATTRIBUTES = ["title", "aria-label"];

    const translateText = (node) => {
        const text = node.nodeValue.trim();
        if (strings.has(text)) {
            node.nodeValue = node.nodeValue.replace(text, strings.get(text));
        }
    };

    const translateAttribute = (element, name) => {
        const value = element.getAttribute(name);
        if (value !== null && strings.has(value.trim())) {
            element.setAttribute(name, strings.get(value.trim()));
        }
    };

    const translateTree = (root) => {
        if (root.nodeType === Node.TEXT_NODE) {
            translateText(root);
            return;
        }
        if (root.nodeType !== Node.ELEMENT_NODE) {
            return;
        }
        for (const element of [root, ...root.querySelectorAll("[title], [aria-label]")]) {
            ATTRIBUTES.forEach((name) => translateAttribute(element, name));
        }
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            translateText(walker.currentNode);
        }
    };

    translateTree(document.body);
    new MutationObserver((records) => {
        for (const record of records) {
            if (record.type === "characterData") {
                translateText(record.target);
            } else if (record.type === "attributes") {
                translateAttribute(record.target, record.attributeName);
            } else {
                record.addedNodes.forEach(translateTree);
            }
        }
    }).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ATTRIBUTES,
    });
})();
