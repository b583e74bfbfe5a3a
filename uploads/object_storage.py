"""Uploads in an S3-compatible object store (django-storages), shared by every web node; used only when
`AWS_STORAGE_BUCKET_NAME` is set (config/settings/base.py builds STORAGES from the environment).

Two stores, as on the local disk:

- public media (Wagtail's images and documents) under `AWS_MEDIA_PREFIX`: image renditions are linked from pages
  by their plain, unsigned address (a cached page must not carry a link that expires); documents are streamed by
  Wagtail's serve view after their collection's privacy check (WAGTAILDOCS_SERVE_METHOD), so only
  `<prefix>/images/` needs to be readable by the public (the bucket policy in README's deployment section);
- private files (submissions' materials and supporting documents, dissemination evidence) in their own bucket
  (`AWS_PRIVATE_BUCKET_NAME`) or under `AWS_PRIVATE_PREFIX` of the same one: never given an address, streamed only
  by the permission-checked views (workflows.views.private_file_response), exactly as from the local disk.
"""

from storages.backends.s3 import S3Storage


class PublicMediaStorage(S3Storage):
    """Images and documents. Never overwrites: two uploads called `report.pdf` must stay two files."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "file_overwrite": False, "querystring_auth": False}


class PrivateObjectStorage(S3Storage):
    """Submitted files: like workflows.models.PrivateStorage, they have no URL, signed or not. No ACL is sent (buckets
    made since 2023 refuse ACLs): the private bucket or prefix is private by its policy."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "file_overwrite": False, "querystring_auth": True}

    def url(self, name, *args, **kwargs):
        raise ValueError("Submitted files have no public URL; link to the permission-checked view instead.")


def public_read_policy(bucket, media_prefix="media"):
    """The bucket policy that lets anyone read image renditions, and nothing else, of the media bucket: originals
    and documents are read by the application only (documents after their collection's privacy check)."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImageRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/{media_prefix}/images/*",
            }
        ],
    }
