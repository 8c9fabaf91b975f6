"""Descriptions in the shapes real archives produce, with the parts they must parse to.

Written and reviewed by hand; fields not listed must be empty.
"""

CASES = [
    (
        "XR CHEST 1 VIEW AP",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    (
        "XR CHEST 1 VW, FRONTAL",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "view_type": ("Frontal",),
        },
    ),
    (
        "XR PORT CHEST 1V",
        "CR",
        {
            "modality_type": "XR",
            "modality_subtype": "Portable",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    (
        "XR CHEST PORTABLE 1 VIEW",
        "DX",
        {
            "modality_type": "XR",
            "modality_subtype": "Portable",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    (
        "CHEST PORT 1 VIEW (RAD)-CS",
        "CR",
        {
            "modality_type": "XR",
            "modality_subtype": "Portable",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    (
        "XR CHEST 2 VIEWS",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Chest",), "view_count": (2, 2)},
    ),
    (
        "CHEST PA & LATERAL (RAD)-CS",
        "CR, DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (2, 2),
            "view_type": ("PA", "Lateral"),
        },
    ),
    (
        "XR CHEST PA/LATERAL",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (2, 2),
            "view_type": ("PA", "Lateral"),
        },
    ),
    ("CHEST 1V", "CR", {"modality_type": "XR", "region_imaged": ("Chest",), "view_count": (1, 1)}),
    (
        "XR CHEST 2 VIEWS, FRONTAL AND LATERAL",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (2, 2),
            "view_type": ("Frontal", "Lateral"),
        },
    ),
    (
        "XR RIGHT KNEE 4+ VIEWS (NON-TRAUMA, PAIN/ARTHRITIS)",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Right",
            "view_count": (4, None),
        },
    ),
    (
        "XR LEFT KNEE 1-2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Left",
            "view_count": (1, 2),
        },
    ),
    (
        "XR ANKLE 2 OR 3 VIEWS RT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Ankle",),
            "laterality": "Right",
            "view_count": (2, 3),
        },
    ),
    (
        "XR HAND 3+ VIEWS BILAT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Hand",),
            "laterality": "Bilateral",
            "view_count": (3, None),
        },
    ),
    (
        "XR ABDOMEN (W/UPRIGHT)",
        "DX",
        {"modality_type": "XR", "region_imaged": ("Abdomen",), "view_type": ("Upright",)},
    ),
    (
        "KUB (RAD)-CS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "view_type": ("AP",),
            "view_count": (1, 1),
        },
    ),
    (
        "XR RIBS LEFT WITH CHEST AP OR PA - SINGLE VIEW",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Ribs",),
            "laterality": "Left",
            "view_count": (1, 1),
            "view_type": ("Frontal",),
        },
    ),
    (
        "C-SPINE 2V",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "view_count": (2, 2),
        },
    ),
    (
        "XR T SPINE 2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Spine.thoracic",),
            "view_count": (2, 2),
        },
    ),
    (
        "XR LSPINE 4 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "view_count": (4, 4),
        },
    ),
    (
        "CT ABD/PEL W/O",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "WO"},
    ),
    (
        "CT ABD PEL W",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "CT A/P WWO",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "WO & W"},
    ),
    (
        "Abdomen^CT_AP_WITH (Adult)",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "CT CAP W CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "Thorax^CT_CAP_WITHOUT (Adult)",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "WO"},
    ),
    (
        "Thorax^CT_PE (Adult)",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Pulmonary arteries",),
            "timing": "W",
            "reason_for_exam": "Pulmonary embolus",
        },
    ),
    (
        "CTA CHEST PULMONARY AN",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "timing": "W",
            "imaging_focus": ("Pulmonary arteries",),
            "reason_for_exam": "Pulmonary embolus",
        },
    ),
    (
        "CT CHEST PULMONARY EMB",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Pulmonary arteries",),
            "timing": "W",
            "reason_for_exam": "Pulmonary embolus",
        },
    ),
    (
        "CT CHEST WO CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "WO"},
    ),
    (
        "CT CHEST W/ CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "W"},
    ),
    (
        "CHEST W/O CONTRAST (CT)-CS",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "WO"},
    ),
    ("CT CHEST C+", "CT", {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "W"}),
    (
        "CT CHEST NON CON",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "WO"},
    ),
    (
        "CT LUNG CANCER SCREENING",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "timing": "WO",
            "reason_for_exam": "Screening",
        },
    ),
    (
        "LUNG LW DOSE_LUNG SCREEN(Adult)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "timing": "WO",
            "reason_for_exam": "Screening",
        },
    ),
    (
        "CT CHEST HIGH RES",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "High resolution",
        },
    ),
    (
        "HRCT CHEST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "High resolution",
        },
    ),
    (
        "CT CORONARY CALCIUM SCORE",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Coronary arteries",),
            "timing": "WO",
            "reason_for_exam": "Calcium score",
        },
    ),
    (
        "CTA CORONARY",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Coronary arteries",),
            "timing": "W",
        },
    ),
    (
        "CT HEAD WO CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Head",), "timing": "WO"},
    ),
    (
        "CT BRAIN WITHOUT CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO",
        },
    ),
    (
        "CT HEAD WWO CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Head",), "timing": "WO & W"},
    ),
    (
        "CT FACE SINUSES WO CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Facial bones", "Sinuses"),
            "timing": "WO",
        },
    ),
    (
        "CT SPINE CERVICAL WO CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "timing": "WO",
        },
    ),
    (
        "Abdomen^STONE_STUDY (Adult)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO",
            "reason_for_exam": "Stone",
        },
    ),
    (
        "CT ABDOMEN PELVIS WWO (UROGRAM)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO & W",
            "reason_for_exam": "Urogram",
        },
    ),
    (
        "CT CHEST BIOPSY",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "guidance_for_action": "Biopsy"},
    ),
    (
        "IR CT CHEST TUBE",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "guidance_for_object": "Tube"},
    ),
    (
        "MRI L-SPINE W/WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "timing": "WO & W",
        },
    ),
    (
        "MR TOTAL SPINE WITH AND WITHOUT CONTR",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Neck", "Chest", "Abdomen"),
            "imaging_focus": ("Spine.cervical", "Spine.thoracic", "Spine.lumbar"),
            "timing": "WO & W",
        },
    ),
    (
        "MRI SHOULDER WO, RT",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Right",
            "timing": "WO",
        },
    ),
    (
        "MRI P SHOULDER W LT",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Left",
            "timing": "W",
        },
    ),
    (
        "MR BRAIN W/O",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO",
        },
    ),
    (
        "MRA HEAD",
        "MR",
        {"modality_type": "MR", "modality_subtype": "Angio", "region_imaged": ("Head",)},
    ),
    (
        "MR IAC W WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Internal auditory canal",),
            "timing": "WO & W",
        },
    ),
    (
        "MRI TMJ BILAT",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Temporomandibular joint",),
            "laterality": "Bilateral",
        },
    ),
    (
        "MR LEFT KNEE WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    (
        "MR CARDIAC WWO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "WO & W",
        },
    ),
    ("US ABDOMEN COMPLETE", "US", {"modality_type": "US", "region_imaged": ("Abdomen",)}),
    (
        "US RENAL BILAT",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Kidney",),
            "laterality": "Bilateral",
        },
    ),
    (
        "US LT BREAST",
        "US",
        {"modality_type": "US", "region_imaged": ("Breast",), "laterality": "Left"},
    ),
    (
        "PET LYMPHOMA NON HODGK",
        "PT, CTPT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "timing": "W",
            "guidance_for_action": "Localization",
            "guidance_for_object": "Tumor",
        },
    ),
    (
        "PET CT FDG IMAG SKULL TO THIGH",
        "CT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "timing": "W",
            "guidance_for_action": "Localization",
            "guidance_for_object": "Tumor",
        },
    ),
    (
        "PET/CT WHOLE BODY",
        "PT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "timing": "W",
            "guidance_for_action": "Localization",
            "guidance_for_object": "Tumor",
        },
    ),
    (
        "NM BONE SCAN WHOLE BODY",
        "NM",
        {"modality_type": "NM", "region_imaged": ("Whole body",), "timing": "W"},
    ),
    (
        "MAMMO SCREENING BILATERAL TOMO",
        "MG",
        {
            "modality_type": "MG",
            "modality_subtype": "Tomosynthesis",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
        },
    ),
    (
        "MAMMOGRAM DIAGNOSTIC LEFT",
        "MG",
        {"modality_type": "MG", "region_imaged": ("Breast",), "laterality": "Left"},
    ),
    (
        "FLUORO ESOPHAGRAM",
        "RF",
        {"modality_type": "RF", "region_imaged": ("Chest",), "imaging_focus": ("Esophagus",)},
    ),
    ("DEXA BONE DENSITY", "DX", {"modality_type": "DXA"}),
    ("XR CHEST", "CT", {"modality_type": "CT", "region_imaged": ("Chest",)}),
]
