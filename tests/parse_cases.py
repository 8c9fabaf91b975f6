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
        "CERVICAL SPINE-2/3 VIEWS ONLY-CS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "view_count": (2, 3),
        },
    ),
    (
        # LOINC's radiographs of the upper arm and lower leg are of its bones.
        "XR LEFT UPPER ARM 2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Humerus",),
            "laterality": "Left",
            "view_count": (2, 2),
        },
    ),
    (
        "MRI RIGHT UPPER ARM WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Upper arm",),
            "laterality": "Right",
            "timing": "WO",
        },
    ),
    (
        "XR CALF",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower leg", "Tibia", "Fibula"),
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
        "HAND RIGHT 3 VIEWS MIN",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Hand",),
            "laterality": "Right",
            "view_count": (3, None),
        },
    ),
    (
        "MRI LOWER EXTREMITY JOINT W/O CONTRAST - LEFT",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower extremity joint",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    (
        "XR BONE SURVEY COMPLETE",
        "DX",
        {"modality_type": "XR", "imaging_focus": ("Bones",)},
    ),
    (
        "NUC MED LYMPHOSCINTIGRAPHY",
        "NM",
        {"modality_type": "NM", "imaging_focus": ("Lymph node",), "timing": "W"},
    ),
    (
        "DX ADULT VP SHUNT SERIES",
        "DX",
        {"modality_type": "XR", "reason_for_exam": "Shunt patency"},
    ),
    (
        "CT PULM VEIN OP",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Pulmonary veins",),
        },
    ),
    (
        "NUC MED BONE/JOINT IMAGING WHOLE BODY",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Whole body",),
            "imaging_focus": ("Bone",),
            "timing": "W",
        },
    ),
    (
        # A stress study of the heart is no oncologic PET (IMP22 asks for no maneuver).
        "PET/CT HEART PERFUSION REST AND STRESS IMAGING",
        "CT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "maneuver": ("At rest", "Stress"),
            "view_type": ("Perfusion",),
        },
    ),
    (
        "SKULL LESS THAN 4 VIEWS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Skull",),
            "view_count": (1, 3),
        },
    ),
    (
        "XR IVP W TOMOGRAMS",
        "CR",
        {
            "modality_type": "XR",
            "modality_subtype": "Tomography",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Kidney",),
            "timing": "W",
        },
    ),
    (
        "NM TC-HIDA SCAN",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Liver", "Biliary ducts", "Gallbladder"),
            "timing": "W",
        },
    ),
    (
        "CT DIAGNOSTIC COLONOSCOPY",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "imaging_focus": ("Colon", "Rectum"),
            "timing": "W",
            "pharmaceutical_route": "PR",
        },
    ),
    (
        "ABDOMEN^ENTEROGRAPHY (ADULT)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Small bowel",),
            "timing": "W",
            "pharmaceutical_route": "PO",
        },
    ),
    (
        "MRI UROGRAM WO/W CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO & W",
            "reason_for_exam": "Urogram",
        },
    ),
    (
        "MRI HEAD W/WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO & W",
        },
    ),
    (
        "US OB 2ND TRIMESTER",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Pelvis",),
            "reason_for_exam": "Pregnancy+second or third trimester",
        },
    ),
    (
        "FL BARIUM ENEMA",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Colon",),
            "pharmaceutical_route": "PR",
            "pharmaceutical_substance": "barium contrast",
        },
    ),
    (
        "XA ANGIOGRAM CEREBRAL",
        "XA",
        {
            "modality_type": "RF",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain", "Cerebral artery"),
        },
    ),
    (
        "NM MUGA",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "view_type": ("Blood pool",),
        },
    ),
    (
        "XR LONG LEG STANDING",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Femur", "Tibia"),
            "maneuver": ("Standing",),
            "reason_for_exam": "Leg length",
        },
    ),
    (
        # A bone length study is the leg length study (scanogram).
        "X-RAY BONE LENGTH STUDIES",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Femur", "Tibia"),
            "reason_for_exam": "Leg length",
        },
    ),
    (
        "CT LUMBAR SPINE NERVE BLOCK MULTI LEVEL",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "guidance_for_action": "Nerve block",
        },
    ),
    (
        # The urogram's own timing (IMP25), not a "W" read from "W POST PROCESSING".
        "CT UROGRAM W POST PROCESSING",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO & W",
            "reason_for_exam": "Urogram",
        },
    ),
    (
        # A code stroke images the head (IMP79).
        "CT CODE STROKE CTA",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "timing": "W",
            "reason_for_exam": "Stroke",
        },
    ),
    (
        # A dissection CTA has unenhanced and angiographic phases (IMP26 before IMP03).
        "CTA CHEST DISSECTION",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "timing": "WO & W",
            "reason_for_exam": "Dissection",
        },
    ),
    (
        # A bone PET is a sodium fluoride study of the bone, not oncologic FDG (PAR494,
        # PAR446, IMP20, IMP22).
        "PT/CT BONE SKULL BASE TO MID THIGH",
        "CT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "imaging_focus": ("Bone",),
            "timing": "W",
            "pharmaceutical_substance": "18F-NaF",
        },
    ),
    (
        "US AORTA SCREENING",
        "US",
        {"modality_type": "US", "imaging_focus": ("Aorta",), "reason_for_exam": "Screening"},
    ),
    (
        "US TESTICULAR",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Testicle", "Scrotum"),
        },
    ),
    (
        "US DVT LLE",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower extremity vein",),
            "laterality": "Left",
        },
    ),
    (
        "CT PERFUSION BRAIN",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Perfusion",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
        },
    ),
    (
        # A perfusion CT naming no region is of the head (IMP80), as LOINC's all are.
        "SPECIALS^PERFUSION (ADULT)",
        "CT",
        {"modality_type": "CT", "modality_subtype": "Perfusion", "region_imaged": ("Head",)},
    ),
    (
        # LOINC's CT and MR perfusion studies are of the head (IMP77 drops the subtype's
        # only value here, which must leave the part empty).
        "MYOCARDIAL PERFUSION",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "imaging_focus": ("Heart",)},
    ),
    (
        "MRV HEAD",
        "MR",
        {
            "modality_type": "MR",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "imaging_focus": ("Head veins",),
        },
    ),
    (
        "MR ANGIOGRAM BRAIN WITHOUT CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain", "Head vessels"),
            "timing": "WO",
        },
    ),
    (
        "CT_THOR_LMBR_SPINE",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest", "Abdomen"),
            "imaging_focus": ("Spine.thoracic", "Spine.lumbar"),
        },
    ),
    (
        "CCTA HEART",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart", "Coronary arteries"),
            "timing": "W",
        },
    ),
    (
        "XR ABDOMEN (W/UPRIGHT)",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "view_count": (2, 2),
            "view_type": ("Supine", "Upright"),
        },
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
            "imaging_focus": ("Ribs", "Chest"),
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
        {"modality_type": "CT", "region_imaged": ("Chest",), "guidance_for_object": "Chest tube"},
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
            "pharmaceutical_substance": "18F-FDG",
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
            "pharmaceutical_substance": "18F-FDG",
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
            "pharmaceutical_substance": "18F-FDG",
        },
    ),
    (
        "NM BONE SCAN WHOLE BODY",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Whole body",),
            "imaging_focus": ("Bone",),
            "timing": "W",
        },
    ),
    (
        "MAMMO SCREENING BILATERAL TOMO",
        "MG",
        {
            "modality_type": "MG",
            "modality_subtype": "Tomosynthesis",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
            "reason_for_exam": "Screening",
        },
    ),
    (
        "MAMMOGRAM DIAGNOSTIC LEFT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Left",
            "reason_for_exam": "Diagnostic",
        },
    ),
    (
        "FLUORO ESOPHAGRAM",
        "RF",
        {"modality_type": "RF", "region_imaged": ("Chest",), "imaging_focus": ("Esophagus",)},
    ),
    # A DXA study measures bone density (IMP81).
    ("DEXA BONE DENSITY", "DX", {"modality_type": "DXA", "reason_for_exam": "Bone density"}),
    ("XR CHEST", "CT", {"modality_type": "CT", "region_imaged": ("Chest",)}),
    (
        "XR CHEST PA AND LATERAL",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (2, 2),
            "view_type": ("PA", "Lateral"),
        },
    ),
    (
        "CXR PA LAT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (2, 2),
            "view_type": ("PA", "Lateral"),
        },
    ),
    (
        "CHEST X-RAY 2 VIEWS",
        "DX",
        {"modality_type": "XR", "region_imaged": ("Chest",), "view_count": (2, 2)},
    ),
    (
        "XR CHEST SINGLE VIEW",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Chest",), "view_count": (1, 1)},
    ),
    (
        "XR CHEST 1 V PORTABLE",
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
        "PORTABLE CHEST",
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
        "BEDSIDE CHEST",
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
        "CHEST AP ONLY",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    (
        "XR CHEST PICC VERIFICATION",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "guidance_for_object": "Peripherally-inserted central venous catheter",
        },
    ),
    (
        "XR CHEST LATERAL DECUBITUS",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Chest",), "view_type": ("Decubitus",)},
    ),
    (
        # LOINC's name for the view, so a code naming it agrees.
        "XR CHEST APICAL LORDOTIC",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Chest",), "view_type": ("Apical lordotic",)},
    ),
    (
        # Named views beyond the usual projections make the count a lower bound.
        "XR ANKLE AP LATERAL MORTISE",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Ankle",),
            "view_type": ("AP", "Lateral", "Mortise"),
            "view_count": (3, None),
        },
    ),
    (
        "XR SHOULDER GRASHEY AND Y VIEWS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "view_type": ("Grashey", "Y"),
            "view_count": (2, None),
        },
    ),
    (
        "XR SHOULDER AP INTERNAL AND EXTERNAL ROTATION",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "view_type": ("AP internal rotation", "AP external rotation"),
            "view_count": (2, None),
        },
    ),
    (
        # IR/ER beside each other in a radiograph are the rotations, not radiology or the ER.
        "XR SHOULDER RIGHT (COMPLETE: IR/ER/GRASHEY/Y/AXILLARY)",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Right",
            "view_type": ("Internal rotation", "External rotation", "Grashey", "Axillary"),
            "view_count": (4, None),
        },
    ),
    (
        "XR C-SPINE CROSS-TABLE LATERAL",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "view_type": ("Lateral crosstable",),
        },
    ),
    (
        "XR CERVICAL SPINE OPEN MOUTH ODONTOID",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "view_type": ("Odontoid",),
        },
    ),
    (
        # "Rest" in a nuclear or MR study is the resting state of a stress test (LOINC's "At rest").
        "NM MYOCARDIAL PERFUSION SPECT REST AND STRESS",
        "NM",
        {
            "modality_type": "NM",
            "modality_subtype": "SPECT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "view_type": ("Perfusion",),
            "maneuver": ("At rest", "Stress"),
            "timing": "W",
        },
    ),
    (
        # An ERCP is a retrograde endoscopic study of the biliary and pancreatic ducts.
        "FL ERCP",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Biliary ducts", "Pancreatic duct"),
            "timing": "W",
            "pharmaceutical_substance": "contrast retrograde",
            "guidance_for_action": "Endoscopy",
        },
    ),
    (
        # A radiograph for a line's placement checks it; it does not guide the placement.
        "XR CHEST PA FOR PICC PLACEMENT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("PA",),
            "view_count": (1, 1),
            "guidance_for_object": "Peripherally-inserted central venous catheter",
        },
    ),
    (
        "IR PARACENTESIS US GUIDED",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Abdomen",),
            "guidance_for_action": "Paracentesis",
        },
    ),
    (
        # A modified barium swallow is the videofluoroscopic swallowing study.
        "FL MODIFIED BARIUM SWALLOW",
        "RF",
        {
            "modality_type": "RF",
            "modality_subtype": "Video",
            "region_imaged": ("Neck", "Chest"),
            "imaging_focus": ("Hypopharynx", "Esophagus"),
            "reason_for_exam": "Swallowing function",
        },
    ),
    (
        # A thyroid uptake and scan is LOINC's "Views and Views uptake"; an uptake alone is not.
        "NM THYROID UPTAKE AND SCAN",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Thyroid gland",),
            "view_type": ("Views uptake",),
            "timing": "W",
        },
    ),
    (
        # A cardiac PET images perfusion or viability, not a cancer (IMP22 leaves it alone).
        "PET CARDIAC PERFUSION",
        "PT",
        {
            "modality_type": "PT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "view_type": ("Perfusion",),
        },
    ),
    (
        "PET HEART VIABILITY",
        "PT",
        {
            "modality_type": "PT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "reason_for_exam": "Tissue viability",
        },
    ),
    (
        "XR HEEL RIGHT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Calcaneus",),
            "laterality": "Right",
        },
    ),
    (
        "NM GI BLEED SCAN",
        "NM",
        {"modality_type": "NM", "timing": "W", "reason_for_exam": "Gastrointestinal bleeding"},
    ),
    (
        # Octreotide imaging looks for neuroendocrine tumors with In-111 pentetreotide.
        "NM OCTREOTIDE SCAN",
        "NM",
        {
            "modality_type": "NM",
            "timing": "W",
            "pharmaceutical_substance": "In-111 pentetreotide",
            "reason_for_exam": "Endocrine tumor",
        },
    ),
    (
        # An ultrasound's approach is its view, as LOINC writes it after "Multisection".
        "US PELVIS TRANSABDOMINAL AND TRANSVAGINAL",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Pelvis",),
            "view_type": ("Transabdominal", "Transvaginal"),
        },
    ),
    (
        # Lasix is furosemide, given with the tracer in a diuretic renal scan.
        "NM RENAL SCAN WITH LASIX",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Kidney",),
            "timing": "W",
            "pharmaceutical_substance": "furosemide + radionuclide",
        },
    ),
    (
        # A myelogram puts contrast into the spinal canal: W contrast IT.
        "CT MYELOGRAM LUMBAR",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "timing": "W",
            "pharmaceutical_route": "IT",
        },
    ),
    # A hernia with no site is the abdominal wall's (an inguinal one stays the groin's); an
    # intussusception is sought in the abdomen; an ABI is a lower-limb arterial Doppler.
    (
        "US HERNIA",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Abdominal wall",),
        },
    ),
    ("US INTUSSUSCEPTION", "US", {"modality_type": "US", "region_imaged": ("Abdomen",)}),
    (
        "US ABI",
        "US",
        {
            "modality_type": "US",
            "modality_subtype": "Doppler",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower extremity artery",),
        },
    ),
    # In fluoroscopy a vein or artery is read too, and a limb's are its own (IMP138-141); an
    # arteriogram is an arterial angiogram, a venogram a venous one.
    (
        "IR VENOGRAM LEFT LEG",
        "XA",
        {
            "modality_type": "RF",
            "modality_subtype": "Angio",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Vein", "Lower extremity vein"),
            "laterality": "Left",
        },
    ),
    (
        "IR ARTERIOGRAM LEFT LEG",
        "XA",
        {
            "modality_type": "RF",
            "modality_subtype": "Angio",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Artery", "Lower extremity artery"),
            "laterality": "Left",
        },
    ),
    (
        "IR THROMBECTOMY DVT LEFT",
        "XA",
        {
            "modality_type": "RF",
            "imaging_focus": ("Vein",),
            "laterality": "Left",
            "guidance_for_action": "Thrombectomy",
        },
    ),
    # The parathyroid glands are read (they were not: NM PARATHYROID SCAN was matched by letters).
    (
        "NM PARATHYROID SCAN",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Parathyroid gland",),
            "timing": "W",
        },
    ),
    # The acetabulum is read; CT and MR image it as the hip (IMP144).
    (
        "XR ACETABULUM LEFT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Acetabulum",),
            "laterality": "Left",
        },
    ),
    (
        "CT ACETABULUM RIGHT",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "laterality": "Right",
        },
    ),
    # The ovaries are read, and a torsion is the study's reason.
    (
        "MRI OVARIES",
        "MR",
        {"modality_type": "MR", "region_imaged": ("Pelvis",), "imaging_focus": ("Ovary",)},
    ),
    (
        "US OVARIAN TORSION",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Ovary",),
            "reason_for_exam": "Torsion",
        },
    ),
    # A chemoembolization naming no artery is the liver's (IMP143).
    (
        "IR TACE",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Hepatic artery",),
            "guidance_for_action": "Chemoembolization for tumor",
        },
    ),
    # A stent named with no action is placed in fluoroscopy (IMP142); a CT names one to plan.
    (
        "IR STENT RENAL ARTERY",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Renal artery",),
            "guidance_for_action": "Placement",
            "guidance_for_object": "Stent",
        },
    ),
    (
        "Vascular^Pre_AAA_STENT_ (Adult)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Aorta.abdominal",),
            "guidance_for_object": "Stent",
        },
    ),
    # A venous ultrasound naming no region, as for DVT, is of the legs (IMP137).
    (
        "US DVT",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower extremity vein",),
        },
    ),
    # White cells are tagged; indium is In-111.
    (
        "NM WBC SCAN",
        "NM",
        {"modality_type": "NM", "timing": "W", "pharmaceutical_substance": "tagged WBC"},
    ),
    (
        "NM INDIUM WBC",
        "NM",
        {"modality_type": "NM", "timing": "W", "pharmaceutical_substance": "In-111 tagged WBC"},
    ),
    # A PICC guided or named with no action is placed (IMP135); its removal stays one.
    (
        "US GUIDED PICC",
        "US",
        {
            "modality_type": "US",
            "guidance_for_action": "Placement",
            "guidance_for_object": "Peripherally-inserted central venous catheter",
        },
    ),
    (
        "US PICC LINE",
        "US",
        {
            "modality_type": "US",
            "guidance_for_action": "Placement",
            "guidance_for_object": "Peripherally-inserted central venous catheter",
        },
    ),
    (
        "IR PICC REMOVAL",
        "XA",
        {
            "modality_type": "RF",
            "guidance_for_action": "Removal",
            "guidance_for_object": "Peripherally-inserted central venous catheter",
        },
    ),
    # "MYELO" is the myelogram; "intrathecal" names the route in any modality.
    (
        "CT MYELO C-SPINE",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "timing": "W",
            "pharmaceutical_route": "IT",
        },
    ),
    (
        "CT SPINE W INTRATHECAL CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "imaging_focus": ("Spine",),
            "timing": "W",
            "pharmaceutical_route": "IT",
        },
    ),
    (
        # LOINC files transplant studies by reason, not by the organ's region.
        "US KIDNEY TRANSPLANT",
        "US",
        {"modality_type": "US", "reason_for_exam": "Transplanted kidney"},
    ),
    (
        # A sniff test watches the diaphragm move.
        "FLUOROSCOPY CHEST W/SNIFF",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Diaphragm",),
            "reason_for_exam": "Motion",
        },
    ),
    (
        # A nuclear study's acquisitions are not radiographic views: no count.
        "NM LUNG VENTILATION PERFUSION",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "view_type": ("Ventilation", "Perfusion"),
            "timing": "W",
        },
    ),
    (
        "XR CHEST INSPIRATION EXPIRATION",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "maneuver": ("Inspiration", "Expiration"),
        },
    ),
    (
        "XR ABDOMEN 2 VIEWS",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Abdomen",), "view_count": (2, 2)},
    ),
    (
        "XR ABDOMEN SUPINE AND UPRIGHT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "view_count": (2, 2),
            "view_type": ("Supine", "Upright"),
        },
    ),
    (
        "KUB",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    # A flat plate of the abdomen is one supine AP film (a KUB); "flat" alone is a position.
    (
        "FLAT PLATE OF ABDOMEN PORTABLE",
        "CR",
        {
            "modality_type": "XR",
            "modality_subtype": "Portable",
            "region_imaged": ("Abdomen",),
            "view_count": (1, 1),
            "view_type": ("AP",),
        },
    ),
    (
        "XR ABD 1V",
        "DX",
        {"modality_type": "XR", "region_imaged": ("Abdomen",), "view_count": (1, 1)},
    ),
    (
        "XR PELVIS 1 VIEW",
        "DX",
        {"modality_type": "XR", "region_imaged": ("Pelvis",), "view_count": (1, 1)},
    ),
    (
        "XR HIP LT 2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "laterality": "Left",
            "view_count": (2, 2),
        },
    ),
    (
        "XR R HIP 2V",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "laterality": "Right",
            "view_count": (2, 2),
        },
    ),
    (
        "XR BILATERAL HIPS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "laterality": "Bilateral",
        },
    ),
    (
        "XR KNEE RT 3 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Right",
            "view_count": (3, 3),
        },
    ),
    (
        "XR KNEE BILAT STANDING",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Bilateral",
            "maneuver": ("Standing",),
        },
    ),
    (
        "XR L ANKLE 3+ VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Ankle",),
            "laterality": "Left",
            "view_count": (3, None),
        },
    ),
    (
        "XR FOOT LEFT 2 OR 3 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Foot",),
            "laterality": "Left",
            "view_count": (2, 3),
        },
    ),
    (
        "XR TOES RT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Toe",),
            "laterality": "Right",
        },
    ),
    (
        "XR SHOULDER LEFT 2V",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Left",
            "view_count": (2, 2),
        },
    ),
    (
        "XR SHOULDER RT MIN 2 VIEWS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Right",
            "view_count": (2, None),
        },
    ),
    (
        "XR ELBOW LT 2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Elbow",),
            "laterality": "Left",
            "view_count": (2, 2),
        },
    ),
    (
        "XR WRIST RIGHT 3 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Wrist",),
            "laterality": "Right",
            "view_count": (3, 3),
        },
    ),
    (
        "XR HAND LEFT 3 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Hand",),
            "laterality": "Left",
            "view_count": (3, 3),
        },
    ),
    (
        "XR FINGER RT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Finger",),
            "laterality": "Right",
        },
    ),
    (
        "XR HUMERUS LT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Humerus",),
            "laterality": "Left",
        },
    ),
    (
        "XR FEMUR RIGHT 2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Femur",),
            "laterality": "Right",
            "view_count": (2, 2),
        },
    ),
    (
        "XR TIB FIB LEFT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Tibia", "Fibula"),
            "laterality": "Left",
        },
    ),
    (
        "XR CLAVICLE RIGHT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Clavicle",),
            "laterality": "Right",
        },
    ),
    (
        "XR SCAPULA LT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Scapula",),
            "laterality": "Left",
        },
    ),
    (
        "XR RIBS BILAT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Ribs",),
            "laterality": "Bilateral",
        },
    ),
    (
        "XR STERNUM",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Chest",), "imaging_focus": ("Sternum",)},
    ),
    (
        "XR SKULL",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Head",), "imaging_focus": ("Skull",)},
    ),
    (
        "XR FACIAL BONES",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Head",), "imaging_focus": ("Facial bones",)},
    ),
    (
        "XR SINUSES",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Head",), "imaging_focus": ("Sinuses",)},
    ),
    (
        "XR C-SPINE 4 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "view_count": (4, 4),
        },
    ),
    (
        "XR CERVICAL SPINE FLEXION EXTENSION",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "maneuver": ("Flexion", "Extension"),
        },
    ),
    (
        "XR THORACIC SPINE 2 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Spine.thoracic",),
            "view_count": (2, 2),
        },
    ),
    (
        "XR L-SPINE 2-3 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "view_count": (2, 3),
        },
    ),
    (
        "XR LUMBOSACRAL SPINE",
        "DX",
        {"modality_type": "XR", "region_imaged": ("Abdomen",), "imaging_focus": ("Spine.lumbar",)},
    ),
    (
        "XR SCOLIOSIS SURVEY",
        "DX",
        {"modality_type": "XR", "imaging_focus": ("Spine",), "reason_for_exam": "Scoliosis"},
    ),
    (
        "XR SACRUM COCCYX",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Sacrum", "Coccyx"),
        },
    ),
    (
        "XR SI JOINTS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Sacroiliac joint",),
        },
    ),
    (
        "CT HEAD W/O CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Head",), "timing": "WO"},
    ),
    (
        "CT HEAD W/ & W/O",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Head",), "timing": "WO & W"},
    ),
    (
        "CT BRAIN NON CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO",
        },
    ),
    (
        "CT MAXILLOFACIAL WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Facial bones",),
            "timing": "WO",
        },
    ),
    (
        "CT ORBITS W CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Orbit",),
            "timing": "W",
        },
    ),
    (
        "CT TEMPORAL BONES WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Temporal bone",),
            "timing": "WO",
        },
    ),
    (
        "CT NECK SOFT TISSUE W CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Soft tissue",),
            "timing": "W",
        },
    ),
    (
        "CT C-SPINE WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "timing": "WO",
        },
    ),
    (
        "CT T SPINE WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Spine.thoracic",),
            "timing": "WO",
        },
    ),
    (
        "CT LUMBAR SPINE W/O",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "timing": "WO",
        },
    ),
    (
        "CTA HEAD AND NECK",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Head", "Neck"),
            "timing": "W",
        },
    ),
    (
        "CTA NECK",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Neck",),
            "timing": "W",
        },
    ),
    (
        "CT CHEST ABDOMEN PELVIS WITH CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "CT C/A/P W",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "CT ABDOMEN PELVIS W/WO",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "WO & W"},
    ),
    (
        "CT ABDOMEN W CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen",), "timing": "W"},
    ),
    ("CT PELVIS WO", "CT", {"modality_type": "CT", "region_imaged": ("Pelvis",), "timing": "WO"}),
    (
        "CT RENAL STONE PROTOCOL",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "imaging_focus": ("Kidney",),
            "timing": "WO",
            "reason_for_exam": "Stone",
        },
    ),
    (
        "CT UROGRAM",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO & W",
            "reason_for_exam": "Urogram",
        },
    ),
    (
        "CTA CHEST PE PROTOCOL",
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
        "CT PULMONARY ANGIOGRAM",
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
        "CT CHEST HRCT",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "High resolution",
        },
    ),
    (
        "LDCT LUNG SCREENING",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "Screening",
        },
    ),
    (
        "CT CARDIAC CALCIUM SCORE",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "WO",
            "reason_for_exam": "Calcium score",
        },
    ),
    (
        "CT CORONARY ANGIOGRAM",
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
        "CTA AORTA CHEST",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Aorta.thoracic",),
            "timing": "W",
        },
    ),
    (
        "CT KNEE LEFT WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    (
        "MRI BRAIN W WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO & W",
        },
    ),
    (
        "MRI BRAIN WITHOUT CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO",
        },
    ),
    (
        "MR BRAIN W/WO GAD",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO & W",
        },
    ),
    (
        "MRA BRAIN WO",
        "MR",
        {
            "modality_type": "MR",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain", "Head vessels"),
            "timing": "WO",
        },
    ),
    (
        "MRI C SPINE WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "timing": "WO",
        },
    ),
    (
        "MRI T-SPINE W AND WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Spine.thoracic",),
            "timing": "WO & W",
        },
    ),
    (
        "MR LUMBAR SPINE WITHOUT CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "timing": "WO",
        },
    ),
    (
        "MRI KNEE RT WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Right",
            "timing": "WO",
        },
    ),
    (
        "MRI LEFT SHOULDER WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    (
        "MRI HIP LEFT W/O",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    (
        "MR ABDOMEN W WO",
        "MR",
        {"modality_type": "MR", "region_imaged": ("Abdomen",), "timing": "WO & W"},
    ),
    (
        "MRI PELVIS W/WO",
        "MR",
        {"modality_type": "MR", "region_imaged": ("Pelvis",), "timing": "WO & W"},
    ),
    (
        "MR PROSTATE W/WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Prostate",),
            "timing": "WO & W",
        },
    ),
    (
        "MR BREAST BILATERAL W WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
            "timing": "WO & W",
        },
    ),
    (
        "MRI CARDIAC W/WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "WO & W",
        },
    ),
    ("US ABDOMEN LIMITED", "US", {"modality_type": "US", "region_imaged": ("Abdomen",)}),
    (
        "US KIDNEYS",
        "US",
        {"modality_type": "US", "region_imaged": ("Abdomen",), "imaging_focus": ("Kidney",)},
    ),
    ("US PELVIS", "US", {"modality_type": "US", "region_imaged": ("Pelvis",)}),
    (
        "US THYROID",
        "US",
        {"modality_type": "US", "region_imaged": ("Neck",), "imaging_focus": ("Thyroid gland",)},
    ),
    (
        "US BREAST LEFT",
        "US",
        {"modality_type": "US", "region_imaged": ("Breast",), "laterality": "Left"},
    ),
    (
        "CTA CAROTIDS",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Neck vessels",),
            "timing": "W",
        },
    ),
    (
        # LOINC's ultrasound codes name the carotid arteries; its CTAs, the neck vessels.
        "US CAROTID DOPPLER BILAT",
        "US",
        {
            "modality_type": "US",
            "modality_subtype": "Doppler",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Carotid arteries",),
            "laterality": "Bilateral",
        },
    ),
    (
        "ECHO TTE",
        "US",
        {"modality_type": "US", "region_imaged": ("Chest",), "imaging_focus": ("Heart",)},
    ),
    (
        "MAMMO SCREENING BILAT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
            "reason_for_exam": "Screening",
        },
    ),
    (
        "MAMMOGRAM DIAG RIGHT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Right",
            "reason_for_exam": "Diagnostic",
        },
    ),
    (
        "DBT BILATERAL",
        "MG",
        {
            "modality_type": "MG",
            "modality_subtype": "Tomosynthesis",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
        },
    ),
    ("NM BONE SCAN", "NM", {"modality_type": "NM", "imaging_focus": ("Bone",), "timing": "W"}),
    (
        "NM MYOCARDIAL PERFUSION SPECT",
        "NM",
        {
            "modality_type": "NM",
            "modality_subtype": "SPECT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "view_type": ("Perfusion",),
        },
    ),
    (
        "PET/CT SKULL BASE TO THIGH",
        "PT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "timing": "W",
            "guidance_for_action": "Localization",
            "guidance_for_object": "Tumor",
            "pharmaceutical_substance": "18F-FDG",
        },
    ),
    (
        "PET CT WHOLE BODY FDG",
        "CT,PT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "timing": "W",
            "guidance_for_action": "Localization",
            "guidance_for_object": "Tumor",
            "pharmaceutical_substance": "18F-FDG",
        },
    ),
    (
        # Hip and spine are the axial skeleton of DXA (IMP82, IMP84), as in CPT 77080.
        "DEXA HIP AND SPINE",
        "DX",
        {
            "modality_type": "DXA",
            "region_imaged": ("Whole body",),
            "imaging_focus": ("Skeletal system.axial",),
            "reason_for_exam": "Bone density",
        },
    ),
    (
        # DXA is stored as CR too; the forearm is the peripheral skeleton (IMP85, IMP87).
        "BONE MINERAL DENSITY DXA FOREARM",
        "CR",
        {
            "modality_type": "DXA",
            "region_imaged": ("Whole body",),
            "imaging_focus": ("Skeletal system.peripheral",),
            "reason_for_exam": "Bone density",
        },
    ),
    (
        "FLUORO UPPER GI",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Gastrointestinal tract.upper",),
        },
    ),
    (
        "BARIUM SWALLOW",
        "RF",
        {"modality_type": "RF", "region_imaged": ("Chest",), "imaging_focus": ("Esophagus",)},
    ),
    (
        "CT GUIDED LUNG BIOPSY",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "guidance_for_action": "Biopsy",
        },
    ),
    (
        "CT GUIDED DRAINAGE ABDOMEN",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen",), "guidance_for_action": "Drainage"},
    ),
    (
        "US GUIDED THYROID BIOPSY",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Thyroid gland",),
            "guidance_for_action": "Biopsy",
        },
    ),
    # A C-arm is a mobile fluoroscopy unit: "C-" here is not "without contrast".
    (
        "C-ARM FLUOROSCOPY UP TO 2 HOURS",
        "XA",
        {"modality_type": "RF"},
    ),
    (
        "Vascular^FL_CTPA (Adult)",
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
    # Procedure names that imply their anatomy; "foreign body" is a reason, not the whole body.
    (
        "FL HYSTEROSALPINGOGRAM",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Uterus", "Fallopian tubes"),
        },
    ),
    (
        "FL CYSTOURETHROGRAM",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Urinary bladder", "Urethra"),
        },
    ),
    (
        "XR EYE FOREIGN BODY",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Orbit",),
            "reason_for_exam": "Foreign body",
        },
    ),
    (
        "ECHOCARDIOGRAM 2D COMPLETE",
        "US",
        {"modality_type": "US", "region_imaged": ("Chest",), "imaging_focus": ("Heart",)},
    ),
    (
        "CT CHEST ANGIOGRAPH W IV CONTRAST PULMONAR EMBOLISM",
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
        "CHEST PA/LT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (2, 2),
            "view_type": ("PA", "Lateral"),
        },
    ),
    # AAA is an abdominal aortic aneurysm: the abdominal aorta, which implies the abdomen.
    (
        "Abdomen^12_CTA_AAA (Adult)",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Aorta.abdominal",),
            "timing": "W",
        },
    ),
    # CHST is chest; V/Q and VQ are a lung ventilation and perfusion scan.
    (
        "CT CHST/ABD/PEL W/IV CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "NM LUNG V/Q SCAN",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "timing": "W",
            "view_type": ("Ventilation", "Perfusion"),
        },
    ),
    (
        "NUC MED LUNG VENTILATION + PERFUSION",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "timing": "W",
            "view_type": ("Ventilation", "Perfusion"),
        },
    ),
    # "2 or more views" is at least two.
    (
        "XR SHOULDER LT 2 OR MORE VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Shoulder",),
            "laterality": "Left",
            "view_count": (2, None),
        },
    ),
    # Oral contrast is a route: it tells PO codes from IV ones.
    (
        "CT ABD/PELVIS W/ IV + ORAL CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "W",
            "iv_timing": "W",
            "pharmaceutical_route": "PO",
        },
    ),
    # "IV" alone names IV contrast given (IP: inpatient).
    (
        "CAP IV IP",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest", "Abdomen", "Pelvis"),
            "timing": "W",
            "pharmaceutical_route": "IV",
        },
    ),
    # "With" that introduces a reconstruction or thin cuts is not contrast.
    (
        "CT CHEST WITHOUT CONTRAST WITH OR WITHOUT 2D RECON",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "WO"},
    ),
    (
        "Thorax^CHEST_WITHOUT_WITH_HI_RES_CUTS (Adult)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "High resolution",
        },
    ),
    # Typos and short forms seen in MIDRC's backlog: WAND (W AND), CARD, PULMNARY.
    (
        "CTA CHEST WAND WITHOUT C AND RECONS",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "timing": "WO & W",
        },
    ),
    (
        "CT CARD W/CON PULMNARY VEIN",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart", "Pulmonary veins"),
            "timing": "W",
        },
    ),
    # A stone protocol named without a region still covers the abdomen and pelvis.
    (
        "CT STONE STUDY(Adult)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO",
            "reason_for_exam": "Stone",
        },
    ),
    # L/S is the lumbosacral spine, not a left side; FLEX, FLEX/EX are flexion (and extension);
    # POR is portable.
    (
        "L/S SP W/OBL FLEX & EXTEN-CS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "view_type": ("Oblique",),
            "maneuver": ("Flexion", "Extension"),
        },
    ),
    (
        "XR SPINE LUMBAR (AP, LAT, FLEX/EX)",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "view_aggregation": "2 views",
            "view_type": ("AP", "Lateral"),
            "view_count": (2, 2),
            "maneuver": ("Flexion", "Extension"),
        },
    ),
    (
        "XR POR CHEST 1V",
        "CR",
        {
            "modality_type": "XR",
            "modality_subtype": "Portable",
            "region_imaged": ("Chest",),
            "view_aggregation": "Single view",
            "view_type": ("AP",),
            "view_count": (1, 1),
        },
    ),
    # A region joined to a focus it holds is imaged whole as well (LOINC: Chest>Ribs & Chest);
    # the chest's own PA view is one view at least, not the study's only one.
    (
        "XR RIBS INCLUDING PA CHEST XR, RIGHT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Ribs", "Chest"),
            "laterality": "Right",
            "view_type": ("PA",),
            "view_count": (1, None),
        },
    ),
    # Views named for one of several regions count at least, not exactly.
    (
        "XR ABDOMEN SUPINE AND ERECT WITH CHEST",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen", "Chest"),
            "view_type": ("Supine", "Upright"),
            "view_count": (2, None),
        },
    ),
    (
        "XR CHEST AND RIBS LEFT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Ribs", "Chest"),
            "laterality": "Left",
        },
    ),
    (
        "XR LEFT RIBS 2 VIEWS UNILATERAL WITH CHEST",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Ribs", "Chest"),
            "laterality": "Left",
            "view_aggregation": "2 views",
            "view_count": (2, 2),
        },
    ),
    # Joined to no focus it holds, the chest is only a region.
    (
        "CT ABD PELVIS WITH CHEST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis", "Chest")},
    ),
    (
        "XR CHEST AND ABDOMEN",
        "CR",
        {"modality_type": "XR", "region_imaged": ("Chest", "Abdomen")},
    ),
    # A CT angiogram needs IV contrast: named beside a plain (WO) part it is a WO and W study.
    (
        "CT CODE STROKE (BRAIN WO, CTA, PERFUSION)",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain", "Head vessels"),
            "timing": "WO & W",
            "reason_for_exam": "Stroke",
        },
    ),
    (
        "ACWOWC ANGIO CHEST WO/WC",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "timing": "WO & W",
        },
    ),
    ("CHEST WC", "CT", {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "W"}),
    # "Right side up" restates a left decubitus; read as a side, it made the study bilateral.
    # The side named with a decubitus view is the side lain on, not the chest's.
    (
        "XR CHEST LEFT DECUBITUS VIEW (RIGHT SIDE UP)",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("Decubitus.left",),
            "view_aggregation": "Single view",
            "view_count": (1, 1),
        },
    ),
    (
        "XR Chest Decubitus Bilateral",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("Decubitus.left", "Decubitus.right"),
            "view_aggregation": "2 views",
            "view_count": (2, 2),
        },
    ),
    (
        "XR CHEST POSTEROANTERIOR WITH DECUBITUS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("PA", "Decubitus"),
            "view_aggregation": "2 views",
            "view_count": (2, 2),
        },
    ),
    # An embolus sought in the chest is a pulmonary embolus (and its study the pulmonary
    # arteries'); elsewhere it stays an embolus. Pulmonary hypertension is no PE study.
    (
        "CTA Chest W Embolus",
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
        "CTA HEAD NECK EMBOLUS",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Head", "Neck"),
            "timing": "W",
            "reason_for_exam": "Embolus",
        },
    ),
    (
        "CT ANGIOGRAM CHEST FOR PULMONARY HYPE",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Pulmonary arteries",),
            "timing": "W",
            "reason_for_exam": "Pulmonary hypertension",
        },
    ),
    # Enterography images the small bowel through the abdomen and pelvis, with oral contrast.
    (
        "CT ENTEROGRAPHY WITH CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Small bowel",),
            "timing": "W",
            "pharmaceutical_route": "PO",
        },
    ),
    # Regions a focus implies are one body part: its named views count exactly.
    (
        "XR THORACOLUMBAR SPINE SUPINE AND ERECT SCOLIOSIS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest", "Abdomen"),
            "imaging_focus": ("Spine.thoracic", "Spine.lumbar", "Spine"),
            "view_aggregation": "2 views",
            "view_type": ("Supine", "Upright"),
            "view_count": (2, 2),
            "reason_for_exam": "Scoliosis",
        },
    ),
    # A low-dose CT that follows a nodule is not lung cancer screening.
    (
        "CT CHEST WO CONTRAST (LOW DOSE FOR NODULE FOLLOW UP)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "Nodule follow-up",
        },
    ),
    (
        "Thorax^LOW_DOSE_NODULE_FU_WO_CM (Adult)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "Nodule follow-up",
        },
    ),
    # Spine levels joined by "and" are read as the run of levels they name.
    (
        "CT THORACIC AND LUMBAR SPINE WITHOUT IV CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest", "Abdomen"),
            "imaging_focus": ("Spine.thoracic", "Spine.lumbar"),
            "timing": "WO",
        },
    ),
    # Fewer views counted than named, with several regions: the count is one region's.
    (
        "XR ACUTE ABDOMEN (SUPINE UPRIGHT AND 1 VIEW CHEST)",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen", "Chest"),
            "view_type": ("Supine", "Upright"),
            "view_aggregation": "GE 2 views",
            "view_count": (2, None),
        },
    ),
    # MRCP is LOINC's "MRCP Abdomen": guidance for endoscopy of the liver, bile ducts and
    # pancreas; Eovist and HCC protocols image the liver.
    (
        "MR ABDOMEN MRCP WITHOUT CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Liver", "Biliary ducts", "Pancreas"),
            "timing": "WO",
            "guidance_for_action": "Endoscopy",
        },
    ),
    (
        "LIMITED EOVIST MRI HCC",
        "MR",
        {"modality_type": "MR", "region_imaged": ("Abdomen",), "imaging_focus": ("Liver",)},
    ),
    # Radiographs of the forearm are LOINC's "Radius and Ulna"; CT and MR keep "Forearm".
    (
        "XR RIGHT FOREARM 2 VIEWS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Forearm", "Radius", "Ulna"),
            "laterality": "Right",
            "view_count": (2, 2),
        },
    ),
    (
        "CT FOREARM LEFT WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Forearm",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    # A thoracic aneurysm is sought in the thoracic aorta.
    (
        "CTA THORACIC AORTIC ANEURYSM",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Aorta.thoracic",),
            "timing": "W",
        },
    ),
    # "No contrast" is without contrast, not a contrast study.
    (
        "CT CHEST HRCT NO IVCON",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
            "reason_for_exam": "High resolution",
        },
    ),
    # Runoff vessels run from the aorta through the pelvis to the legs.
    (
        "ABDOMEN^CTA_ILLIOFEMORAL_RUN_OFF (ADULT)",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Abdomen", "Lower extremity", "Pelvis"),
            "imaging_focus": ("RO vessels",),
            "timing": "W",
        },
    ),
    # An upper GI series images the upper gastrointestinal tract; "single contrast" is not
    # a single view.
    (
        "FL UPPER GI SINGLE CONTRAST WITH SMALL BOWEL FOLLOW THROUGH",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Gastrointestinal tract.upper", "Small bowel"),
            "timing": "W",
        },
    ),
    # A cystogram images the urinary bladder.
    (
        "CT CYSTOGRAM",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Urinary bladder",),
        },
    ),
    # "With Ion" names the robotic bronchoscopy system the CT plans for, not contrast.
    (
        "CHEST WO - NODULE OR MASS WITH ION(ADULT)",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "timing": "WO",
        },
    ),
    # The forefoot has codes of its own in XR, US and CT; MR images it as the foot.
    (
        "MR RIGHT FOREFOOT W AND WO IV CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Foot",),
            "laterality": "Right",
            "timing": "WO & W",
        },
    ),
    (
        "XR LEFT FOREFOOT 3 VIEWS",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Forefoot",),
            "laterality": "Left",
            "view_count": (3, 3),
            "view_aggregation": "3 views",
        },
    ),
    # A gastric emptying study images the stomach.
    (
        "NM GASTRIC EMPTYING SOLID",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Stomach",),
            "timing": "W",
            "reason_for_exam": "Gastric emptying solid phase",
        },
    ),
    # "With elastography" adds a technique, not contrast.
    (
        "MRI LIVER W/O CONTRAST WITH ELASTOGRAPHY",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Liver",),
            "timing": "WO",
        },
    ),
    (
        "CERV SP FLEXION+EXTENSION",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Spine.cervical",),
            "maneuver": ("Flexion", "Extension"),
        },
    ),
    (
        "ABD UPRT VIEWONLY",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "view_type": ("Upright",),
            "view_count": (1, 1),
        },
    ),
    (
        "HEAD^HEAD_WOANDWITH_GR (ADULT)",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Head",), "timing": "WO & W"},
    ),
    # A spine survey covers the whole spine.
    (
        "MRI SPINE SURVEY WO/W IV CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Neck", "Chest", "Abdomen"),
            "imaging_focus": ("Spine.cervical", "Spine.thoracic", "Spine.lumbar"),
            "timing": "WO & W",
        },
    ),
    # The calf is the lower leg; "cerebral" names the brain; mesenteric vessels.
    (
        "MR LEFT CALF WO IV CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower leg",),
            "laterality": "Left",
            "timing": "WO",
        },
    ),
    (
        "CT CEREBRAL PERFUSION ANALYSIS",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Perfusion",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
        },
    ),
    (
        "VASCULAR^CTA_MESSENTERIC (ADULT)",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Mesenteric vessels",),
            "timing": "W",
        },
    ),
    # A venous or arterial ultrasound of a limb images its veins or arteries, as LOINC's
    # "Lower extremity vein" codes; elsewhere the word names nothing the codes separate.
    (
        "US DVT LEFT LOWER EXTREMITY",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Lower extremity vein",),
            "laterality": "Left",
        },
    ),
    (
        "US ARTERIAL UPPER EXTREMITY RIGHT",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Upper extremity artery",),
            "laterality": "Right",
        },
    ),
    (
        "US CAROTID ARTERY DUPLEX",
        "US",
        {
            "modality_type": "US",
            "modality_subtype": "Doppler",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Carotid arteries",),
        },
    ),
    # The aorta named with a region is that region's part of it; named alone, it stays whole.
    (
        "CTA CHEST AORTA ANGIOGRAPHY W WO CONTRAST",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Aorta.thoracic",),
            "timing": "WO & W",
        },
    ),
    (
        "CT ANGIO AORTA",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "imaging_focus": ("Aorta",),
            "timing": "W",
        },
    ),
    # An angiogram of the abdominal aorta and the legs is a runoff study.
    (
        "CTA ABD AORTA W/BILAT LE ARTERIES",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Abdomen", "Lower extremity", "Pelvis"),
            "imaging_focus": ("Aorta.abdominal", "RO vessels"),
            "laterality": "Bilateral",
            "timing": "W",
        },
    ),
    # A PE study that also images the pelvis and legs looks for deep vein thrombosis there.
    (
        "CT CHEST (PULMONARY EMBOLISM) PELVIS LOWER EXTREMITY BILATERAL",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest", "Pelvis", "Lower extremity"),
            "imaging_focus": ("Pulmonary arteries", "Pelvis veins", "Lower extremity veins"),
            "laterality": "Bilateral",
            "timing": "W",
            "reason_for_exam": "Pulmonary embolus+deep vein thrombosis",
        },
    ),
    # Soft tissue is imaged anywhere: it does not put a study in the neck. A region's soft
    # tissue in MR is the region's study (LOINC's MR Soft tissue codes are of no region).
    (
        "MRI PELVIS SOFT TISSUE WO/W CONTRAST",
        "MR",
        {"modality_type": "MR", "region_imaged": ("Pelvis",), "timing": "WO & W"},
    ),
    # In nuclear medicine "pulmonary" names the lungs (ventilation and perfusion).
    (
        "NUC MED PULMONARY PERFUSION",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Lung",),
            "timing": "W",
            "view_type": ("Perfusion",),
        },
    ),
    # The left atrium is a chamber of the heart, not a side of the body.
    (
        "CT HEART W CONTRAST- LEFT ATRIUM AND PULMONARY VEINS",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart", "Pulmonary veins"),
            "timing": "W",
        },
    ),
    # WOUT is without; NETSPOT is a Ga-68 DOTATATE tracer, not FDG.
    (
        "CT SPINE LUMBAR WOUT CON",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "timing": "WO",
        },
    ),
    (
        "PET^1HPPETCT_NETSPOT (ADULT)",
        "CT,PT",
        {
            "modality_type": "PT+CT",
            "region_imaged": ("Whole body",),
            "timing": "W",
            "pharmaceutical_substance": "Ga-68 DOTATATE",
            "guidance_for_action": "Localization",
            "guidance_for_object": "Tumor",
        },
    ),
    # What a guided procedure places, as LOINC names it; a removal is an action too.
    (
        "IR PLCMT TUNNELED CATH",
        "XA",
        {
            "modality_type": "RF",
            "guidance_for_action": "Placement",
            "guidance_for_object": "Tunneled central venous catheter",
        },
    ),
    (
        "IR NON-TUNNELED CATHETER PLACEMENT",
        "XA",
        {
            "modality_type": "RF",
            "guidance_for_action": "Placement",
            "guidance_for_object": "Non-tunneled central venous catheter",
        },
    ),
    (
        "IR NEPHROSTOMY TUBE PLACEMENT",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Kidney",),
            "guidance_for_action": "Placement",
            "guidance_for_object": "Nephrostomy tube",
        },
    ),
    (
        "IR IVC FILTER REMOVAL",
        "XA",
        {
            "modality_type": "RF",
            "imaging_focus": ("Vena cava.inferior",),
            "guidance_for_action": "Removal",
            "guidance_for_object": "Venous filter",
        },
    ),
    (
        "IR G TUBE PLACEMENT",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Stomach",),  # where a gastrostomy tube goes
            "guidance_for_action": "Placement",
            "guidance_for_object": "Gastrostomy tube",
        },
    ),
    (
        "CT GUIDED ABSCESS DRAINAGE",
        "CT",
        {
            "modality_type": "CT",
            "guidance_for_action": "Drainage",
            "guidance_for_object": "Abscess",
        },
    ),
    (
        "CT GUIDED BONE BIOPSY",
        "CT",
        {"modality_type": "CT", "imaging_focus": ("Bone",), "guidance_for_action": "Biopsy"},
    ),
    (
        "US THYROID FNA",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Neck",),
            "imaging_focus": ("Thyroid gland",),
            "guidance_for_action": "Aspiration",
        },
    ),
    (
        "FL LUMBAR PUNCTURE",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "guidance_for_action": "Puncture",
        },
    ),
    # A CT before a transcatheter aortic valve replacement is an angiogram of the heart.
    (
        "TAVR OP",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
        },
    ),
    # One position beside projections is the position they are taken in; several positions
    # are the views, taken in the projection named.
    (
        "CHEST PA UPRIGHT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("PA", "Upright"),
            "view_count": (1, 1),
        },
    ),
    (
        "XR CHEST PA UPRIGHT AND LATERAL",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("PA", "Upright", "Lateral"),
            "view_count": (2, 2),
        },
    ),
    (
        "XR ABDOMEN AP SUPINE AND UPRIGHT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "view_type": ("AP", "Supine", "Upright"),
            "view_count": (2, 2),
        },
    ),
    # A line check is a single view whichever line LOINC names (IMP27 reads alternatives).
    (
        "XR CHEST CENTRAL LINE PLACEMENT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_count": (1, 1),
            "guidance_for_object": "Central venous catheter",
        },
    ),
    # Guided procedures named by their action: a wire localization is a needle localization,
    # and RFA (radiofrequency ablation) is read so only where ablation is guided (CT, US, MR).
    (
        "MG WIRE LOC BREAST RT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Right",
            "guidance_for_action": "Needle localization",
        },
    ),
    (
        "CT GUIDED RFA LIVER",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Liver",),
            "guidance_for_action": "Radiofrequency ablation",
        },
    ),
    (
        "IR VERTEBROPLASTY LUMBAR",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "guidance_for_action": "Vertebroplasty",
        },
    ),
    # An intraoperative film is LOINC's "during surgery"; a bone age study is a view type.
    (
        "XR LUMBAR SPINE 1 VIEW INTRAOPERATIVE",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "view_count": (1, 1),
            "maneuver": ("During surgery",),
        },
    ),
    (
        "XR BONE AGE LEFT HAND",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Hand",),
            "laterality": "Left",
            "view_type": ("Bone age",),
        },
    ),
    # A galactogram fills a breast duct with contrast; a transcranial Doppler images the
    # head's vessels; DDH is LOINC's developmental joint assessment of the hip.
    (
        "MG GALACTOGRAM LT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "imaging_focus": ("Breast duct",),
            "laterality": "Left",
            "timing": "W",
        },
    ),
    (
        "US TRANSCRANIAL DOPPLER",
        "US",
        {
            "modality_type": "US",
            "modality_subtype": "Doppler",
            "region_imaged": ("Head",),
            "imaging_focus": ("Head vessels",),
        },
    ),
    (
        "US HIP DDH",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "maneuver": ("Developmental joint assessment",),
        },
    ),
    (
        "MG SENTINEL NODE INJECTION LT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),  # what a mammogram images
            "laterality": "Left",
            "guidance_for_action": "Injection",
            "guidance_for_object": "Sentinel lymph node",
        },
    ),
    # A named artery is a focus within its region's vessels.
    (
        "IR ANGIOPLASTY FEMORAL ARTERY RT",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Femoral artery",),
            "laterality": "Right",
            "guidance_for_action": "Angioplasty",
        },
    ),
    (
        "MRA RENAL ARTERY W WO",
        "MR",
        {
            "modality_type": "MR",
            "modality_subtype": "Angio",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Renal artery",),
            "timing": "WO & W",
        },
    ),
    # A finger or toe named by its place is LOINC's digit (Finger.second, Great toe).
    (
        "XR FINGER 2ND LT",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Finger.second",),
            "laterality": "Left",
        },
    ),
    (
        "XR RT GREAT TOE 2V",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Great toe",),
            "laterality": "Right",
            "view_count": (2, 2),
        },
    ),
    # A Meckel scan looks in the small bowel.
    (
        "NM MECKEL SCAN",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Small bowel",),
            "timing": "W",
            "reason_for_exam": "Meckel's diverticulum",
        },
    ),
    (
        "MRI BRACHIAL PLEXUS LT W WO",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Brachial plexus",),
            "laterality": "Left",
            "timing": "WO & W",
        },
    ),
    # Named radiographic and scintigraphic views, as LOINC names them.
    (
        "XR LUMBAR SPINE 2-3 VIEWS (AP/LAT/SPOT)",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "view_count": (2, 3),
            "view_type": ("AP", "Lateral", "Spot"),
        },
    ),
    (
        "XR WRIST LEFT ULNAR AND RADIAL DEVIATION",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Wrist",),
            "laterality": "Left",
            "view_count": (2, None),
            "view_type": ("Ulnar deviation", "Radial deviation"),
        },
    ),
    (
        "XR HIP VON ROSEN LEFT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Hip",),
            "laterality": "Left",
            "view_type": ("Von Rosen",),
        },
    ),
    (
        "NM CARDIAC GATED BLOOD POOL",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "view_type": ("Gated", "Blood pool"),
        },
    ),
    # Circle of Willis by its initials; contrast studies of the urinary tract by their names.
    (
        "CTA COW",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Head",),
            "imaging_focus": ("Circle of Willis",),
            "timing": "W",
        },
    ),
    (
        "FL PYELOGRAM RETROGRADE",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Kidney",),
            "timing": "W",
            "pharmaceutical_substance": "contrast retrograde",
        },
    ),
    (
        "FL RETROGRADE URETHROGRAM",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Urethra",),
            "timing": "W",
            "pharmaceutical_substance": "contrast retrograde",
        },
    ),
    # Procedures named by their organ, object or study (pylorus, chemoembolization, fistulogram).
    (
        "US PYLORUS",
        "US",
        {"modality_type": "US", "region_imaged": ("Abdomen",), "imaging_focus": ("Pylorus",)},
    ),
    (
        "IR CHEMOEMBOLIZATION LIVER",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Hepatic artery",),
            "guidance_for_action": "Chemoembolization for tumor",
        },
    ),
    (
        "FL FISTULOGRAM",
        "RF",
        {"modality_type": "RF", "imaging_focus": ("Fistula",), "timing": "W"},
    ),
    # Beside oral contrast, the IV contrast's timing is the study's, as in LOINC's names.
    (
        "CT ABD PELVIS W ORAL WO IV",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO",
            "iv_timing": "WO",
            "pharmaceutical_route": "PO",
        },
    ),
    # IV contrast named without a timing of its own shares the oral contrast's.
    (
        "JHN OP CAP W/ PO IV",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest", "Abdomen", "Pelvis"),
            "timing": "W",
            "iv_timing": "W",
            "pharmaceutical_route": "PO",
        },
    ),
    # A timing naming IV contrast is not the oral contrast's, even just before it.
    (
        "CT ABDOMEN PELVIS NO IV CONTRAST ORAL ONLY",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "timing": "WO",
            "iv_timing": "WO",
            "pharmaceutical_route": "PO",
        },
    ),
    # Oral contrast named only to deny it: no route, and the IV contrast's timing.
    (
        "CT ABDOMEN PELVIS W IV WO ORAL",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "W"},
    ),
    (
        "CT A/P W CONTRAST NO ORAL CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "W"},
    ),
    # Air contrast beside an enema is no IV contrast.
    (
        "FL BARIUM ENEMA AIR CONTRAST",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Colon",),
            "timing": "W",
            "pharmaceutical_route": "PR",
            "pharmaceutical_substance": "barium contrast",
        },
    ),
    # An implied timing (a screening study's WO) does not deny the colonography's air.
    (
        "CT SCREENING COLONOSCOPY",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "imaging_focus": ("Colon", "Rectum"),
            "reason_for_exam": "Screening",
            "timing": "WO",
            "pharmaceutical_route": "PR",
        },
    ),
    (
        "MR ENTEROGRAPHY WITHOUT IV CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Small bowel",),
            "timing": "WO",
            "iv_timing": "WO",
            "pharmaceutical_route": "PO",
        },
    ),
    # The joints of the clavicle, and films with weights held.
    (
        "XR AC JOINTS BILATERAL WO AND W WEIGHTS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Acromioclavicular joint",),
            "laterality": "Bilateral",
            "maneuver": ("Weight",),
        },
    ),
    (
        "CT STERNOCLAVICULAR JOINTS WO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Sternoclavicular joint",),
            "timing": "WO",
        },
    ),
    # A screening study of a breast with implants has one reason, as LOINC names it.
    (
        "MG SCREENING BILATERAL IMPLANTS",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
            "reason_for_exam": "Implant+Screening",
        },
    ),
    # A diagnostic mammogram's reason, however it is written: "DX" after "MAMMO", a call back
    # (a diagnostic study, clinical unless technical), implants (one reason, as LOINC names it).
    (
        "MAMMO DX BILATERAL",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
            "reason_for_exam": "Diagnostic",
        },
    ),
    (
        "MAMMO DIAGNOSTIC CALLBACK LEFT",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Left",
            "reason_for_exam": "Clinical call back+Diagnostic",
        },
    ),
    (
        "MG TECHNICAL CALL BACK",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "reason_for_exam": "Technical call back+Diagnostic",
        },
    ),
    (
        "MAMMO DIAG BILAT IMPLANTS",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Bilateral",
            "reason_for_exam": "Implant+Diagnostic",
        },
    ),
    # "DX" is a diagnostic mammogram only in mammography; elsewhere it names radiography.
    ("DX CHEST", "CR", {"modality_type": "XR", "region_imaged": ("Chest",)}),
    # One side, unnamed (LOINC's "Breast.unilateral"); named beside it, the side is the side.
    (
        "MG UNILAT SCREENING",
        "MG",
        {
            "modality_type": "MG",
            "region_imaged": ("Breast",),
            "laterality": "Unilateral",
            "reason_for_exam": "Screening",
        },
    ),
    (
        "DX KNEE 3 VIEWS UNILATERAL RIGHT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Right",
            "view_aggregation": "3 views",
            "view_count": (3, 3),
        },
    ),
    # Low dose is how kidney stones are imaged: a low-dose stone study is not screening.
    (
        "10_LOW_DOSE_STONE_STUDY",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen", "Pelvis"),
            "reason_for_exam": "Stone",
            "timing": "WO",
        },
    ),
    (
        "CT LOW DOSE LUNG SCREENING",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest",),
            "reason_for_exam": "Screening",
            "timing": "WO",
        },
    ),
    # A bone PET (18F-NaF) images the bone: it is not an oncologic FDG study.
    (
        "PET NAF BONE",
        "PT",
        {
            "modality_type": "PT",
            "imaging_focus": ("Bone",),
            "pharmaceutical_substance": "18F-NaF",
            "timing": "W",
        },
    ),
    # "Ext" after upper or lower is the extremity ("FLEX EXT" stays flexion and extension).
    (
        "US UPPER EXT VENOUS RT",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Upper extremity vein",),
            "laterality": "Right",
        },
    ),
    (
        "CT ENTERO",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Small bowel",),
            "pharmaceutical_route": "PO",
            "timing": "W",
        },
    ),
    # Cross-sectional codes name a limb's segment, radiographs its bone: both are read.
    (
        "MRI HUMERUS LEFT",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Humerus", "Upper arm"),
            "laterality": "Left",
        },
    ),
    (
        "MRI RADIUS ULNA RIGHT",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Radius", "Ulna", "Forearm"),
            "laterality": "Right",
        },
    ),
    (
        "XR RADIUS ULNA RIGHT",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Radius", "Ulna"),
            "laterality": "Right",
        },
    ),
    # Calcium is scored in the heart's coronary arteries, however the score is named.
    *(
        (
            description,
            "CT",
            {
                "modality_type": "CT",
                "region_imaged": ("Chest",),
                "imaging_focus": ("Heart",),
                "reason_for_exam": "Calcium score",
                "timing": "WO",
            },
        )
        for description in ("CT CARDIAC SCORING", "CT CAC SCORE")
    ),
    # Interventional and fluoroscopic procedures named by their "-gram" or "-stomy".
    (
        "IR CHOLECYSTOSTOMY",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Gallbladder",),
            "guidance_for_action": "Cholecystostomy",
        },
    ),
    (
        "FL LOOPOGRAM",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Small bowel",),
            "reason_for_exam": "Loop diversion",
        },
    ),
    (
        "CT CISTERNOGRAM",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Head",),
            "imaging_focus": ("Cerebral cisterns",),
            "timing": "W",
            "pharmaceutical_route": "IT",
        },
    ),
    (
        "IR UFE",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Uterine artery",),
            "guidance_for_action": "Embolization",
        },
    ),
    # A nuclear study with its CT (DICOM "CT,NM") is the nuclear study when the text names
    # neither; "perianal" and "perirectal" lie in the pelvis.
    (
        "Myocardial Perfusion",
        "CT,NM",
        {
            "modality_type": "NM",
            "imaging_focus": ("Heart",),
            "region_imaged": ("Chest",),
            "view_type": ("Perfusion",),
            "timing": "W",
        },
    ),
    (
        "MRI PERIANAL FISTULA WO/W CONTRAST",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Fistula",),
            "timing": "WO & W",
        },
    ),
    # Views joined to a count are more views: two, and the decubitus ones (LOINC's "2 Views
    # and Views Lateral-decubitus").
    (
        "XR CHEST 2 VIEWS WITH DECUBITUS VIEWS",
        "CR",
        {
            "modality_type": "XR",
            "region_imaged": ("Chest",),
            "view_type": ("Decubitus",),
            "view_count": (3, None),
            "view_aggregation": "3 or more views",
        },
    ),
    # "MG" is mammography, as "MAMMO" is; "stereo" is its stereotactic guidance.
    (
        "MG STEREO BIOPSY LEFT",
        "MG",
        {
            "modality_type": "MG",
            "modality_subtype": "Stereotactic",
            "region_imaged": ("Breast",),
            "laterality": "Left",
            "guidance_for_action": "Biopsy",
        },
    ),
    # Contrast phases: three or four include the unenhanced one (WO and W), two are enhanced
    # (W); a nuclear three-phase bone scan is no contrast study.
    (
        "C/A/P 3 PHASE IP",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Chest", "Abdomen", "Pelvis"),
            "timing": "WO & W",
        },
    ),
    (
        "CT LIVER TRIPLE PHASE",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Liver",),
            "timing": "WO & W",
        },
    ),
    (
        "Abdomen^6_DUAL_PHASE (Adult)",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen",), "timing": "W"},
    ),
    # Aortic stent grafts (TEVAR, EVAR) image the aorta they line; atrial fibrillation is
    # mapped before ablation in the pulmonary veins; C/A is the chest and abdomen.
    (
        "Vascular^POST_THORACIC_STENT (Adult)",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest",), "imaging_focus": ("Aorta.thoracic",)},
    ),
    (
        "CT ANGIO ATRIAL FIBRILLATION",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Pulmonary veins",),
            "timing": "W",
        },
    ),
    ("JCCI CT C/A", "CT", {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen")}),
    # A CT of the acute abdomen is of the abdomen (a radiograph's series is tested in
    # test_parse: it is the abdomen supine and upright and the chest).
    ("CT ACUTE ABDOMEN", "CT", {"modality_type": "CT", "region_imaged": ("Abdomen",)}),
    # A triple rule-out images the coronary and pulmonary arteries and the thoracic aorta.
    (
        "CTA TRIPLE RULE OUT",
        "CT",
        {
            "modality_type": "CT",
            "modality_subtype": "Angio",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Coronary arteries", "Pulmonary arteries", "Aorta.thoracic"),
            "timing": "W",
        },
    ),
    # Sincalide (Kinevac) is the cholecystokinin analogue LOINC names as a challenge.
    (
        "NM HIDA WITH KINEVAC",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Liver", "Biliary ducts", "Gallbladder"),
            "timing": "W",
            "maneuver": ("Sincalide",),
        },
    ),
    # A cholangiogram images the bile ducts; through a T-tube, with the contrast it gives, and
    # with the gallbladder, as LOINC's one T-tube code names it.
    (
        "T-TUBE CHOLANGIOGRAM",
        "RF",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Biliary ducts", "Gallbladder"),
            "timing": "W",
            "pharmaceutical_substance": "contrast via T-tube",
        },
    ),
    # Contrast as order lists also write it: "+C", "pre and post", and a CT "plain" (not a
    # radiograph's plain film).
    ("CT CHEST +C", "CT", {"modality_type": "CT", "region_imaged": ("Chest",), "timing": "W"}),
    (
        "CT ABD PELVIS PRE AND POST CONTRAST",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Abdomen", "Pelvis"), "timing": "WO & W"},
    ),
    (
        "MRI BRAIN PRE/POST GAD",
        "MR",
        {
            "modality_type": "MR",
            "region_imaged": ("Head",),
            "imaging_focus": ("Brain",),
            "timing": "WO & W",
        },
    ),
    (
        "CAP PLAIN ER",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "WO"},
    ),
    ("XR CHEST PLAIN FILM", "CR", {"modality_type": "XR", "region_imaged": ("Chest",)}),
    # "B/L" is bilateral, not its "L"; a count glued to its word is read as written apart,
    # and so is a protocol's number glued to the region it names ("1CAP").
    (
        "XR KNEE B/L",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Lower extremity",),
            "imaging_focus": ("Knee",),
            "laterality": "Bilateral",
        },
    ),
    (
        "XR HAND LT 3VW",
        "DX",
        {
            "modality_type": "XR",
            "region_imaged": ("Upper extremity",),
            "imaging_focus": ("Hand",),
            "laterality": "Left",
            "view_aggregation": "3 views",
            "view_count": (3, 3),
        },
    ),
    (
        "Thorax^1CAP_W_IRIS (Adult)",
        "CT",
        {"modality_type": "CT", "region_imaged": ("Chest", "Abdomen", "Pelvis"), "timing": "W"},
    ),
    # Nuclear medicine's department names the PET it performs: the PET is the modality.
    (
        "NM PET VIABILITY",
        "NM",
        {
            "modality_type": "PT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "reason_for_exam": "Tissue viability",
        },
    ),
    # Tracers as nuclear medicine writes them; a viability study is of the heart (a diuretic
    # renogram's MAG3 is tested in test_parse).
    (
        "NM THALLIUM VIABILITY",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "pharmaceutical_substance": "Tl-201",
            "reason_for_exam": "Tissue viability",
        },
    ),
    (
        "NM RENAL SCAN MAG3",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Kidney",),
            "timing": "W",
            "pharmaceutical_substance": "Tc-99m Mertiatide",
        },
    ),
    # A cardiac sarcoidosis PET is of the heart, for sarcoidosis (not the oncologic study).
    (
        "PET CARDIAC SARCOIDOSIS",
        "PT",
        {
            "modality_type": "PT",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Heart",),
            "timing": "W",
            "reason_for_exam": "Sarcoidosis",
        },
    ),
    # A groin's and an abdominal wall's hernias are of them.
    (
        "US INGUINAL HERNIA RIGHT",
        "US",
        {
            "modality_type": "US",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Groin",),
            "laterality": "Right",
        },
    ),
    (
        "NM SHUNTOGRAM",
        "NM",
        {"modality_type": "NM", "timing": "W", "reason_for_exam": "Shunt patency"},
    ),
    # A spine injection's facet joint or epidural space is of the level named.
    (
        "FL EPIDURAL STEROID INJECTION LUMBAR",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar epidural space",),
            "guidance_for_action": "Injection",
        },
    ),
    (
        "IR ESI SPINE CERVICAL THORACIC",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Neck", "Chest"),
            "imaging_focus": ("Spine.cervical epidural space", "Spine.thoracic epidural space"),
            "guidance_for_action": "Injection",
        },
    ),
    (
        "FL GUIDED THORACIC FACET INJECTION",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Spine.thoracic facet joint",),
            "guidance_for_action": "Injection",
        },
    ),
    (
        "CT FACET INJECTION",
        "CT",
        {
            "modality_type": "CT",
            "imaging_focus": ("Spine facet joint",),
            "guidance_for_action": "Injection",
        },
    ),
    # A facet joint's ablation is its denervation.
    (
        "RF ABLATION LUMBAR FACET",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar facet joint",),
            "guidance_for_action": "Denervation",
        },
    ),
    (
        "FL SI JOINT INJECTION RIGHT",
        "XA",
        {
            "modality_type": "RF",
            "region_imaged": ("Pelvis",),
            "imaging_focus": ("Sacroiliac joint",),
            "laterality": "Right",
            "guidance_for_action": "Injection",
        },
    ),
    # A discogram injects contrast into the disc.
    (
        "CT DISCOGRAM LUMBAR",
        "CT",
        {
            "modality_type": "CT",
            "region_imaged": ("Abdomen",),
            "imaging_focus": ("Spine.lumbar",),
            "timing": "W",
            "pharmaceutical_substance": "contrast intradisc",
        },
    ),
    # Nuclear medicine's transit study is of motility (LOINC: Views for motility).
    (
        "NM ESOPHAGEAL TRANSIT",
        "NM",
        {
            "modality_type": "NM",
            "region_imaged": ("Chest",),
            "imaging_focus": ("Esophagus",),
            "timing": "W",
            "reason_for_exam": "Motility",
        },
    ),
]
