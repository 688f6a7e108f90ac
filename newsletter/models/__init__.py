from .deliveries import Delivery
from .issues import Issue
from .schedule import NewsletterSchedule
from .subscribers import ConsentRecord, Subscriber

__all__ = ["ConsentRecord", "Delivery", "Issue", "NewsletterSchedule", "Subscriber"]
