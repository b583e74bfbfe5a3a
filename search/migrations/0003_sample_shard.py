from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_postgresql_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchentry',
            name='shard',
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name='searchentry',
            index=models.Index(fields=['language', 'shard'], name='search_entry_lang_shard'),
        ),
    ]
