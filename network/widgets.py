"""Admin form widgets that work on a phone."""

from django import forms


class TapChecklist(forms.CheckboxSelectMultiple):
    """A many-to-many choice as a scrollable list of checkboxes, each a full-width row to tap.

    A plain <select multiple> needs Ctrl-click to choose more than one item: impossible on a phone. The choices are
    still the form field's queryset (a post's authors stay limited to its school's teachers by SchoolContentPageForm),
    so validation and saving are Django's own. The items already chosen are listed first, so the editor sees them
    without scrolling; a list longer than FILTER_FROM items gets a box that narrows it as one types
    (network/static/network/checklist.js, a plain file: no inline script).
    """

    template_name = "network/widgets/checklist.html"
    FILTER_FROM = 8

    class Media:
        css = {"all": ["network/checklist.css"]}
        js = ["network/checklist.js"]

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        # A stable sort: the chosen first, each part in the queryset's own order.
        return sorted(groups, key=lambda group: not any(option["selected"] for option in group[1]))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["filterable"] = len(self.choices) > self.FILTER_FROM
        return context
