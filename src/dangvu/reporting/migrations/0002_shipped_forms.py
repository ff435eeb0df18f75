"""The two forms dangvu ships (reporting/catalog.py): the quarterly organization-building
report and the result report of a study campaign. Loaded once; a later change to a form
is a new version, so what was submitted on this one keeps its meaning."""

from django.db import migrations


def load(apps, schema_editor):
    from dangvu.reporting.catalog import FORMS
    from dangvu.reporting.rules import check_form

    ReportForm = apps.get_model("reporting", "ReportForm")
    Indicator = apps.get_model("reporting", "Indicator")
    FormRule = apps.get_model("reporting", "FormRule")
    for spec in FORMS:
        problems = check_form(spec)
        assert not problems, problems
        if ReportForm.objects.filter(code=spec.code, version=spec.version).exists():
            continue
        form = ReportForm.objects.create(
            code=spec.code,
            version=spec.version,
            title=spec.title,
            description=spec.description,
            narratives=[list(n) for n in spec.narratives],
        )
        Indicator.objects.bulk_create(
            Indicator(
                form=form,
                position=n,
                code=i.code,
                label=i.label,
                section=i.section,
                unit=i.unit,
                value_type=i.value_type,
                tree=i.tree,
                time=i.time,
                parts=list(i.parts),
                numerator=i.numerator,
                denominator=i.denominator,
                prefill=i.prefill,
                note=i.note,
            )
            for n, i in enumerate(spec.indicators, start=1)
        )
        FormRule.objects.bulk_create(
            FormRule(form=form, position=n, left=r.left, op=r.op, right=r.right, label=r.label)
            for n, r in enumerate(spec.rules, start=1)
        )


def unload(apps, schema_editor):
    from dangvu.reporting.catalog import FORMS

    ReportForm = apps.get_model("reporting", "ReportForm")
    for spec in FORMS:
        ReportForm.objects.filter(code=spec.code, version=spec.version, rounds__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_forms_rounds_submissions")]
    operations = [migrations.RunPython(load, unload)]
