"""One manager per concept on a session (``workbench.session.Workbench``).

``wb.cases``, ``wb.registrations``, ``wb.inquiries``...: each is the only code that touches
its tables; plain Python goes in and out (``workbench.views``).
"""
