from django import forms
from django.conf import settings
from django.forms import modelformset_factory
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Frequency, Subscriber, Subscription
from .sources import all_sources


def topic_choices():
    return [(source.key, source.label) for source in all_sources()]


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
    )
    language = forms.ChoiceField(label=_("Language of the messages"), choices=settings.LANGUAGES)
    topics = forms.MultipleChoiceField(
        label=_("What to receive"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one kind of news."),
            "invalid_choice": _("Choose among the kinds offered."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.WEEKLY,
        error_messages={"required": _("Choose how often to receive messages.")},
    )
    school = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices()
        self.fields["topics"].initial = ["news", "events"]
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]

    def clean_email(self):
        return Subscriber.normalise(self.cleaned_data["email"])


class SubscriberForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["language"]
        labels = {"language": _("Language of the messages")}


class SubscriptionForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["news", "events", "resources", "experience", "frequency"]
        widgets = {"frequency": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offered = {key for key, _label in topic_choices()}
        for topic in Subscription.TOPICS:
            if topic not in offered:
                del self.fields[topic]

    def clean(self):
        cleaned = super().clean()
        if not self.cleaned_data.get("DELETE") and not any(cleaned.get(t) for t in Subscription.TOPICS):
            raise forms.ValidationError(_("Choose at least one kind of news, or remove this subscription."))
        return cleaned


SubscriptionFormSet = modelformset_factory(Subscription, form=SubscriptionForm, extra=0, can_delete=True)
