"""The admin's image form: every way of uploading an image (single, multiple, chooser) uses it."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.forms import BaseImageForm

from .svg_sanitiser import UnsafeSVG, is_svg_name, sanitise_svg


class PortalImageForm(BaseImageForm):
    def clean_file(self) -> File | None:
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data or not is_svg_name(uploaded.name):
            return uploaded
        uploaded.seek(0)
        try:
            cleaned = sanitise_svg(uploaded.read())
        except UnsafeSVG as exc:
            raise ValidationError(exc.message, code="unsafe_svg") from exc
        sanitised = SimpleUploadedFile(uploaded.name, cleaned, content_type="image/svg+xml")
        # WagtailImageField annotates the upload with its Willow image; keep that contract.
        sanitised.image = getattr(uploaded, "image", None)
        return sanitised
