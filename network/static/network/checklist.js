// network/widgets.py TapChecklist: the box above a long checklist narrows it to the items whose name contains what
// was typed (case and Kazakh/Russian letters as the browser lowercases them). Shown only when this script runs,
// so without it the list is simply complete. Ticked items stay ticked while hidden and are saved with the form.
(function () {
    function setUp(checklist) {
        var filter = checklist.querySelector("[data-tap-checklist-filter]");
        if (!filter || filter.dataset.ready) {
            return;
        }
        filter.dataset.ready = "1";
        filter.hidden = false;
        var items = checklist.querySelectorAll(".tap-checklist__item");
        filter.addEventListener("input", function () {
            var wanted = filter.value.trim().toLocaleLowerCase();
            items.forEach(function (item) {
                item.hidden = wanted !== "" && item.textContent.toLocaleLowerCase().indexOf(wanted) === -1;
            });
        });
        // Enter in the box would submit the whole page form.
        filter.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault();
            }
        });
    }

    function setUpAll() {
        document.querySelectorAll("[data-tap-checklist]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
